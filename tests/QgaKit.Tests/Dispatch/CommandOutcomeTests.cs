using Xunit;
using static QgaKit.Tests.Protocol.RequestValidationTests;

namespace QgaKit.Tests.Dispatch;

/// <summary>What a command's outcome becomes on the wire.</summary>
public class CommandOutcomeTests
{
    private readonly DispatchHarness _agent = new(TestCommands.Register);

    [Fact]
    public void Success_response_false_sends_nothing_on_success()
        => Assert.Equal("{\"return\": {}}\n", _agent.Send("{\"execute\":\"test-no-reply\",\"id\":1}{\"execute\":\"guest-ping\"}"));

    [Fact]
    public void Success_response_false_still_reports_errors()
        => Assert.Equal(Error("GenericError", "no-reply failed"), _agent.Send("{\"execute\":\"test-no-reply-fails\"}"));

    [Fact]
    public void QgaException_becomes_the_error_reply_with_its_class()
    {
        Assert.Equal(Error("GenericError", "it failed: Permission denied"), _agent.Send("{\"execute\":\"test-qga-error\"}"));
        Assert.Equal(Error("CommandNotFound", "gone"), _agent.Send("{\"execute\":\"test-not-found-error\"}"));
    }

    [Fact]
    public void Any_other_exception_is_a_GenericError_and_the_agent_carries_on()
        => Assert.Equal(Error("GenericError", "a bug") + "{\"return\": {}}\n", _agent.Send("{\"execute\":\"test-bug\"}{\"execute\":\"guest-ping\"}"));

    [Fact]
    public void Asynchronous_commands_reply_when_done()
    {
        Assert.Equal("{\"return\": \"later\", \"id\": 4}\n", _agent.Send("{\"execute\":\"test-async\",\"id\":4}"));
        Assert.Equal(Error("GenericError", "async failure"), _agent.Send("{\"execute\":\"test-async-error\"}"));
    }

    [Fact]
    public void Returned_strings_use_upper_case_escapes()
        => Assert.Equal("{\"return\": \"\\u00E9\"}\n", _agent.Send("{\"execute\":\"test-string\"}"));
}
