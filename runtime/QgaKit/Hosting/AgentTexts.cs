namespace QgaKit.Hosting;

/// <summary>qemu-ga's texts for its main loop (qga/main.c, checked on the 7.2 binary), in one place.</summary>
internal static class AgentTexts
{
    public const string ErrorReadingChannel = "error reading channel";

    public const string StoppedUnexpectedly = "agent stopped unexpectedly, restarting...";

    public const string WaitingForChannelPath = "waiting for channel path...";

    public const string ReceivedEof = "received EOF";

    public const string ProcessEventCalled = "process_event: called";

    public const string ProcessingCommand = "processing command";

    public static string ReadData(int count, string data) => "read data, count: " + count + ", data: " + data;

    public static string SendingData(int count) => "sending data, count: " + count;

    public static string FailedToParseEvent(string error) => "failed to parse event: " + error;

    public static string ErrorSendingResponse(string reason) => "error sending response: " + reason;

    public static string SignalWhileFrozen(int signal) => "received signal num " + signal + " while frozen, deferring exit until filesystems are thawed";

    public static string Quitting(int signal) => "received signal num " + signal + ", quitting";
}
