using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using QgaKit;
using QgaKit.Hosting;
using QgaKit.Logging;

namespace DatabaseQuiesce;

/// <summary>
/// The commands a host-side backup tool calls around a disk snapshot:
/// <list type="number">
/// <item><c>guest-db-prepare</c>: runs the hook with <c>pre-snapshot</c> and opens a session;</item>
/// <item><c>guest-fsfreeze-freeze</c>, the snapshot, <c>guest-fsfreeze-thaw</c> (the kit's built-ins);</item>
/// <item><c>guest-db-complete</c>: runs <c>post-snapshot</c> and closes the session, or, when anything went
/// wrong, <c>guest-db-abort</c>: runs <c>abort</c> (also while the filesystems are still frozen).</item>
/// </list>
/// <c>guest-db-status</c> shows the session at any time. Every <c>[QgaCommand]</c> method of this partial class
/// is registered by the generator; the constructor's parameters (the generated hook class and the agent's
/// options and logger) are injected when the agent starts.
/// </summary>
public sealed partial class DatabaseCommands
{
    private const int MaxTimeoutSeconds = 3600;
    private readonly DbQuiesceHook _hook;
    private readonly SessionFile _sessionFile;
    private readonly AgentLogger _logger;

    // The session in progress, or the last one. The agent runs requests strictly one at a time (as qemu-ga), and
    // this instance lives as long as the agent, so a plain field is all the state needs.
    private DbSession? _session;

    public DatabaseCommands(DbQuiesceHook hook, AgentOptions options, AgentLogger logger)
    {
        _hook = hook;
        _sessionFile = new SessionFile(options);
        _logger = logger;
    }

    /// <summary>
    /// <c>guest-db-prepare</c>: quiesces <paramref name="databases"/> for a snapshot named <paramref name="label"/>:
    /// <c>{"execute": "guest-db-prepare", "arguments": {"label": "nightly", "databases": ["sales", "crm"],
    /// "timeout-seconds": 30}}</c>. <c>timeout-seconds</c> (default 30) bounds the hook: when it runs longer it is
    /// stopped (SIGTERM to its process group) and the reply is <c>db-quiesce hook has timed out after N seconds</c>.
    /// When pre-snapshot fails, the hook is run with <c>abort</c> to release what it got done (as qemu-ga thaws
    /// when a freeze fails half-way), and the failure is the reply, e.g. <c>db-quiesce hook has failed with status 3</c>.
    /// </summary>
    [QgaCommand("guest-db-prepare")]
    public async Task<DbSession> PrepareAsync(
        string label,
        IReadOnlyList<string> databases,
        int timeoutSeconds = 30,
        QuiesceMode mode = QuiesceMode.ReadLock,
        CancellationToken cancellationToken = default)
    {
        if (_session is { State: SessionState.Prepared } current)
        {
            throw new QgaException(DbQuiesceTexts.AlreadyInProgress(current));
        }

        // The generator has checked the JSON types (a list of strings, an int); the meaning is ours to check.
        CheckPlainName("label", label);
        if (databases.Count == 0)
        {
            throw new QgaException(DbQuiesceTexts.NoDatabases);
        }

        for (var i = 0; i < databases.Count; i++)
        {
            CheckPlainName($"databases[{i}]", databases[i]);
        }

        if (timeoutSeconds is < 1 or > MaxTimeoutSeconds)
        {
            throw new QgaException(DbQuiesceTexts.TimeoutOutOfRange(MaxTimeoutSeconds));
        }

        var session = new DbSession(NewSessionId(), label, SessionState.Prepared, mode, databases, Now());
        _sessionFile.Write(session);

        // cancellationToken is cancelled when the agent shuts down; the linked source adds the caller's timeout.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            await _hook.ExecutePreSnapshotAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is QgaException or OperationCanceledException)
        {
            await UndoAsync().ConfigureAwait(false);
            if (e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new QgaException(DbQuiesceTexts.TimedOut(timeoutSeconds), e);
            }

            throw; // the kit's hook texts pass through unchanged: "db-quiesce hook has failed with status N", …
        }

        _logger.Info($"db-quiesce session {session.SessionId} ({label}) prepared: {string.Join(", ", databases)}");
        return _session = session;
    }

    /// <summary>
    /// <c>guest-db-complete</c>: the snapshot is taken and the filesystems are thawed; runs the hook with
    /// <c>post-snapshot</c> and records what the host took: <c>{"session-id": "5f0c9e21", "snapshot": {"name":
    /// "nightly-20261126", "disks": [{"device": "vda", "bytes": 21474836480}]}}</c>. Not allowed while frozen: the
    /// databases would only block again on the frozen filesystems.
    /// </summary>
    [QgaCommand("guest-db-complete")]
    public Task<DbSession> CompleteAsync(string sessionId, SnapshotInfo? snapshot = null, CancellationToken cancellationToken = default)
        => FinishAsync(InProgress(sessionId), DbQuiesceHookArg.PostSnapshot, snapshot, cancellationToken);

    /// <summary>
    /// <c>guest-db-abort</c>: gives up the snapshot and runs the hook with <c>abort</c>. Allowed while the
    /// filesystems are frozen, so a backup tool whose snapshot failed can release the databases before it thaws.
    /// Without <paramref name="sessionId"/> it aborts whatever session is in progress.
    /// </summary>
    [QgaCommand("guest-db-abort", AllowedWhileFrozen = true)]
    public Task<DbSession> AbortAsync(string? sessionId = null, CancellationToken cancellationToken = default)
        => FinishAsync(InProgress(sessionId), DbQuiesceHookArg.Abort, snapshot: null, cancellationToken);

    /// <summary>
    /// <c>guest-db-status</c>: the session in progress, or the last one (completed or aborted);
    /// <c>{}</c> when there has been none since the agent started.
    /// </summary>
    [QgaCommand("guest-db-status", AllowedWhileFrozen = true)]
    public DbSession? Status() => _session;

    // Both ends of a session run the hook the same way: ExecuteAsync takes the hook argument as a value. If the
    // hook fails, its error is the reply and the session stays prepared, so the host can retry or abort.
    private async Task<DbSession> FinishAsync(DbSession session, DbQuiesceHookArg phase, SnapshotInfo? snapshot, CancellationToken cancellationToken)
    {
        await _hook.ExecuteAsync(phase, cancellationToken).ConfigureAwait(false);
        _sessionFile.Delete();
        var state = phase == DbQuiesceHookArg.PostSnapshot ? SessionState.Completed : SessionState.Aborted;
        _logger.Info($"db-quiesce session {session.SessionId} ({session.Label}) {DbQuiesceHook.ToArgument(phase)} done");
        return _session = session with { State = state, FinishedAt = Now(), Snapshot = snapshot };
    }

    // After a failed or timed-out pre-snapshot: release whatever the hook locked before it failed. This runs even
    // when the agent is shutting down (no token), and its own failure is only logged: the reply is the first error.
    private async Task UndoAsync()
    {
        try
        {
            await _hook.ExecuteAsync(DbQuiesceHookArg.Abort, CancellationToken.None).ConfigureAwait(false);
        }
        catch (QgaException e)
        {
            _logger.Warning(DbQuiesceTexts.UndoFailed(e.Message));
        }

        _sessionFile.Delete();
    }

    private DbSession InProgress(string? sessionId)
    {
        if (_session is not { State: SessionState.Prepared } current)
        {
            throw new QgaException(DbQuiesceTexts.NoSession);
        }

        if (sessionId is not null && sessionId != current.SessionId)
        {
            throw new QgaException(DbQuiesceTexts.OtherSession(sessionId, current));
        }

        return current;
    }

    // Names end up in the session file and in the hook's command lines: keep them to a safe alphabet.
    private static void CheckPlainName(string parameter, string value)
    {
        var plain = value.Length is > 0 and <= 64;
        foreach (var c in value)
        {
            plain &= char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
        }

        if (!plain)
        {
            throw new QgaException(DbQuiesceTexts.NotAPlainName(parameter, value));
        }
    }

    private static string NewSessionId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();
}
