using System.Globalization;

namespace DatabaseQuiesce;

/// <summary>Every error text of this agent's commands, in one place. The argument texts follow QAPI's wording
/// (<c>Parameter '…' …</c>); hook failures come from the kit (<c>db-quiesce hook has failed with status N</c>).</summary>
internal static class DbQuiesceTexts
{
    public const string NoSession = "no snapshot session is in progress";

    public const string NoDatabases = "Parameter 'databases' must name at least one database";

    public static string AlreadyInProgress(DbSession session) =>
        $"snapshot session '{session.SessionId}' ({session.Label}) is already in progress";

    public static string OtherSession(string sessionId, DbSession current) =>
        $"snapshot session '{sessionId}' is not in progress (the session in progress is '{current.SessionId}')";

    public static string NotAPlainName(string parameter, string value) =>
        $"Parameter '{parameter}' does not accept value '{value}' (letters, digits, '.', '_' and '-' only)";

    public static string TimeoutOutOfRange(int max) =>
        "Parameter 'timeout-seconds' must be between 1 and " + max.ToString(CultureInfo.InvariantCulture);

    // Worded as the kit's own hook timeout (--hook-timeout), so a host sees one text for both.
    public static string TimedOut(int seconds) =>
        "db-quiesce hook has timed out after " + seconds.ToString(CultureInfo.InvariantCulture) + " seconds";

    public static string UndoFailed(string error) => "db-quiesce abort after a failed pre-snapshot failed too: " + error;
}
