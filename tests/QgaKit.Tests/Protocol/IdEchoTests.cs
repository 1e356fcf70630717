using QgaKit.Tests.Dispatch;
using Xunit;

namespace QgaKit.Tests.Protocol;

/// <summary><c>id</c> of any JSON type is echoed on success and on every error after the object check.</summary>
public class IdEchoTests
{
    [Theory]
    [InlineData("1", "1")]
    [InlineData("-7", "-7")]
    [InlineData("\"abc\"", "\"abc\"")]
    [InlineData("'abc'", "\"abc\"")]
    [InlineData("null", "null")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("[]", "[]")]
    [InlineData("{}", "{}")]
    [InlineData("{\"a\":[1,2]}", "{\"a\": [1, 2]}")]
    [InlineData("[1,\"x\",null,{\"b\":false}]", "[1, \"x\", null, {\"b\": false}]")]
    [InlineData("\"\u00e9\u20ac\"", "\"\\u00E9\\u20AC\"")]
    public void Id_is_echoed_on_success(string id, string echoed)
    {
        var harness = new DispatchHarness();
        Assert.Equal("{\"return\": {}, \"id\": " + echoed + "}\n", harness.Send("{\"execute\":\"guest-ping\",\"id\":" + id + "}"));
        Assert.Equal("{\"return\": 7, \"id\": " + echoed + "}\n", harness.Send("{\"id\":" + id + ",\"execute\":\"guest-sync\",\"arguments\":{\"id\":7}}"));
    }

    [Theory]
    [InlineData("99", "99")]
    [InlineData("\"abc\"", "\"abc\"")]
    [InlineData("null", "null")]
    [InlineData("{\"a\":[1,2]}", "{\"a\": [1, 2]}")]
    public void Id_is_echoed_on_every_error_kind(string id, string echoed)
    {
        var harness = new DispatchHarness(TestCommands.Register, blocked: ["guest-get-time"]);
        string ErrorWithId(string errorClass, string desc)
            => "{\"id\": " + echoed + ", \"error\": {\"class\": \"" + errorClass + "\", \"desc\": \"" + desc + "\"}}\n";

        Assert.Equal(ErrorWithId("CommandNotFound", "The command guest-nonexistent has not been found"), harness.Send("{\"execute\":\"guest-nonexistent\",\"id\":" + id + "}"));
        Assert.Equal(ErrorWithId("GenericError", "QMP input member 'foo' is unexpected"), harness.Send("{\"execute\":\"guest-ping\",\"id\":" + id + ",\"foo\":1}"));
        Assert.Equal(ErrorWithId("GenericError", "QMP input member 'foo' is unexpected"), harness.Send("{\"foo\":1,\"execute\":\"guest-ping\",\"id\":" + id + "}"));
        Assert.Equal(ErrorWithId("GenericError", "QMP input lacks member 'execute'"), harness.Send("{\"id\":" + id + "}"));
        Assert.Equal(ErrorWithId("GenericError", "QMP input member 'execute' must be a string"), harness.Send("{\"execute\":[],\"id\":" + id + "}"));
        Assert.Equal(ErrorWithId("GenericError", "Parameter 'id' is missing"), harness.Send("{\"execute\":\"guest-sync\",\"id\":" + id + "}"));
        Assert.Equal(ErrorWithId("CommandNotFound", "Command guest-get-time has been disabled"), harness.Send("{\"execute\":\"guest-get-time\",\"id\":" + id + "}"));
        Assert.Equal(ErrorWithId("GenericError", "it failed: Permission denied"), harness.Send("{\"execute\":\"test-qga-error\",\"id\":" + id + "}"));
        Assert.Equal(ErrorWithId("GenericError", "a bug"), harness.Send("{\"execute\":\"test-bug\",\"id\":" + id + "}"));
    }

    [Fact]
    public void Non_object_input_never_echoes_an_id()
        => Assert.Equal(
            RequestValidationTests.Error("GenericError", "QMP input must be a JSON object"),
            new DispatchHarness().Send("[{\"id\":1}]"));
}
