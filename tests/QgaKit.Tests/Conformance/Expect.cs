namespace QgaKit.Tests.Conformance;

/// <summary>qemu-ga 7.2's reply texts in the notation of <see cref="ConformanceCase.Recorded"/> (byte-exact,
/// member order as qemu-ga prints it).</summary>
internal static class Expect
{
    public const string StrayFF = ScriptRunner.StrayFF;

    public static string Ret(string value) => "{\"return\": " + value + "}";

    public static string Ret(string value, string id) => "{\"return\": " + value + ", \"id\": " + id + "}";

    public static string Err(string desc) => "{\"error\": {\"class\": \"GenericError\", \"desc\": \"" + desc + "\"}}";

    public static string ErrId(string id, string desc) => "{\"id\": " + id + ", \"error\": {\"class\": \"GenericError\", \"desc\": \"" + desc + "\"}}";

    public static string NotFound(string desc) => "{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"" + desc + "\"}}";

    public static string NotFoundId(string id, string desc) => "{\"id\": " + id + ", \"error\": {\"class\": \"CommandNotFound\", \"desc\": \"" + desc + "\"}}";

    public static string Parse(string what) => Err("JSON parse error, " + what);

    public static string Delimited(string reply) => "\u00FF" + reply;

    /// <summary>A guest-sync request (no newline).</summary>
    public static string Sync(long id) => "{\"execute\":\"guest-sync\",\"arguments\":{\"id\":" + id + "}}";
}
