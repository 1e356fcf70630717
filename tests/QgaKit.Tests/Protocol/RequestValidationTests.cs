using QgaKit.Tests.Dispatch;
using Xunit;

namespace QgaKit.Tests.Protocol;

/// <summary>Request bytes in, reply bytes out, compared with what qemu-ga 7.2 sent (reference 8.1).</summary>
public class RequestValidationTests
{
    [Theory]
    [InlineData("{\"execute\":\"guest-ping\"}\n", "{\"return\": {}}\n")]
    [InlineData("{\"execute\":\"guest-ping\"}", "{\"return\": {}}\n")]
    [InlineData("{\"execute\":\"guest-sync\",\"arguments\":{\"id\":1234}}\n", "{\"return\": 1234}\n")]
    [InlineData("{'execute':'guest-sync','arguments':{'id':11}}\n", "{\"return\": 11}\n")]
    [InlineData("{\"execute\":\"guest-sync\",\"arguments\":{\"id\":1}}{\"execute\":\"guest-sync\",\"arguments\":{\"id\":2}}", "{\"return\": 1}\n{\"return\": 2}\n")]
    [InlineData("{\"execute\":\"guest-sync\",\"arguments\":{\"id\":9223372036854775807}}", "{\"return\": 9223372036854775807}\n")]
    [InlineData("{\"execute\":\"guest-sync\",\"arguments\":{\"id\":-9223372036854775808}}", "{\"return\": -9223372036854775808}\n")]
    public void Valid_requests_get_qemu_ga_replies(string request, string expected)
        => Assert.Equal(expected, new DispatchHarness().Send(request));

    [Theory]
    [InlineData("[1,2]\n")]
    [InlineData("123 \n")]
    [InlineData("\"hello\"\n")]
    [InlineData("true\n")]
    [InlineData("null\n")]
    public void Non_object_input_is_refused_without_id(string request)
        => Assert.Equal(Error("GenericError", "QMP input must be a JSON object"), new DispatchHarness().Send(request));

    [Theory]
    [InlineData("{\"execute\":1}", "QMP input member 'execute' must be a string")]
    [InlineData("{\"execute\":null}", "QMP input member 'execute' must be a string")]
    [InlineData("{\"execute\":\"guest-ping\",\"arguments\":[]}", "QMP input member 'arguments' must be an object")]
    [InlineData("{\"execute\":\"guest-ping\",\"arguments\":null}", "QMP input member 'arguments' must be an object")]
    [InlineData("{\"execute\":\"guest-ping\",\"foo\":1}", "QMP input member 'foo' is unexpected")]
    [InlineData("{\"exec-oob\":\"guest-ping\"}", "QMP input member 'exec-oob' is unexpected")]
    [InlineData("{\"arguments\":{}}", "QMP input lacks member 'execute'")]
    [InlineData("{}", "QMP input lacks member 'execute'")]
    [InlineData("{\"foo\":1}", "QMP input member 'foo' is unexpected")]
    [InlineData("{\"execute\":\"guest-nonexistent\",\"foo\":1}", "QMP input member 'foo' is unexpected")]
    public void Malformed_requests_get_qemu_ga_texts(string request, string desc)
        => Assert.Equal(Error("GenericError", desc), new DispatchHarness().Send(request));

    [Theory]
    [InlineData("guest-nonexistent", "The command guest-nonexistent has not been found")]
    [InlineData("GUEST-PING", "The command GUEST-PING has not been found")]
    [InlineData("", "The command  has not been found")]
    [InlineData("guest-pin", "The command guest-pin has not been found")]
    [InlineData("guest-pingx", "The command guest-pingx has not been found")]
    public void Unknown_commands_are_CommandNotFound(string name, string desc)
        => Assert.Equal(Error("CommandNotFound", desc), new DispatchHarness().Send("{\"execute\":\"" + name + "\"}"));

    [Fact]
    public void Unknown_command_name_is_escaped_in_the_desc()
        => Assert.Equal(
            Error("CommandNotFound", "The command \\u00E9 has not been found"),
            new DispatchHarness().Send("{\"execute\":\"\u00e9\"}"));

    [Theory]
    [InlineData("{\"execute\":\"guest-ping\",\"arguments\":{\"foo\":42}}", "Parameter 'foo' is unexpected")]
    [InlineData("{\"execute\":\"guest-sync\",\"arguments\":{\"id\":1,\"foo\":2}}", "Parameter 'foo' is unexpected")]
    [InlineData("{\"execute\":\"guest-sync\",\"arguments\":{}}", "Parameter 'id' is missing")]
    [InlineData("{\"execute\":\"guest-sync\"}", "Parameter 'id' is missing")]
    [InlineData("{\"execute\":\"guest-sync\",\"arguments\":{\"foo\":2}}", "Parameter 'id' is missing")]
    [InlineData("{\"execute\":\"guest-sync\",\"arguments\":{\"id\":\"x\"}}", "Invalid parameter type for 'id', expected: integer")]
    [InlineData("{\"execute\":\"guest-sync\",\"arguments\":{\"id\":null}}", "Invalid parameter type for 'id', expected: integer")]
    [InlineData("{\"execute\":\"guest-sync\",\"arguments\":{\"id\":1.5}}", "Invalid parameter type for 'id', expected: integer")]
    [InlineData("{\"execute\":\"guest-sync\",\"arguments\":{\"id\":1e3}}", "Invalid parameter type for 'id', expected: integer")]
    [InlineData("{\"execute\":\"guest-sync\",\"arguments\":{\"id\":9223372036854775808}}", "Invalid parameter type for 'id', expected: integer")]
    [InlineData("{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":true}}", "Invalid parameter type for 'id', expected: integer")]
    [InlineData("{\"execute\":\"guest-info\",\"arguments\":{\"x\":1}}", "Parameter 'x' is unexpected")]
    public void Built_in_argument_errors_match_qemu_ga(string request, string desc)
        => Assert.Equal(Error("GenericError", desc), new DispatchHarness().Send(request));

    [Fact]
    public void Parse_errors_get_a_reply_without_id_and_the_agent_goes_on()
        => Assert.Equal(
            Error("GenericError", "JSON parse error, invalid keyword 'garbage'") + "{\"return\": 1}\n",
            new DispatchHarness().Send("garbage\n{\"execute\":\"guest-sync\",\"arguments\":{\"id\":1}}\n"));

    internal static string Error(string errorClass, string desc)
        => "{\"error\": {\"class\": \"" + errorClass + "\", \"desc\": \"" + desc + "\"}}\n";
}
