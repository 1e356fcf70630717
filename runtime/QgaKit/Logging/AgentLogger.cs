using System;

namespace QgaKit.Logging;

// CONTRACT STUB (lead): the command-line/config/logging helper implements it.

/// <summary>qemu-ga's log levels, most severe first.</summary>
public enum LogLevel
{
    Error,
    Critical,
    Warning,
    Message,
    Info,
    Debug,
}

/// <summary>
/// qemu-ga's log: <c>&lt;epoch&gt;.&lt;usec&gt;: &lt;level&gt;: &lt;msg&gt;</c> to stderr or the <c>-l</c> file (append);
/// error and critical only unless verbose. While filesystems are frozen lines are held in memory
/// (<see cref="Hold"/>) and written after thaw (<see cref="Release"/>), so the agent never touches a frozen fs.
/// </summary>
[AgentService]
public sealed partial class AgentLogger
{
    public bool IsEnabled(LogLevel level) => throw new NotImplementedException();

    public void Log(LogLevel level, string message) => throw new NotImplementedException();

    public void Error(string message) => Log(LogLevel.Error, message);

    public void Critical(string message) => Log(LogLevel.Critical, message);

    public void Warning(string message) => Log(LogLevel.Warning, message);

    public void Message(string message) => Log(LogLevel.Message, message);

    public void Info(string message) => Log(LogLevel.Info, message);

    public void Debug(string message) => Log(LogLevel.Debug, message);

    /// <summary>Starts holding lines in memory (filesystems are about to be frozen).</summary>
    public void Hold() => throw new NotImplementedException();

    /// <summary>Writes the held lines and goes back to writing directly.</summary>
    public void Release() => throw new NotImplementedException();
}
