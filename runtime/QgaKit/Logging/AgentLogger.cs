using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using QgaKit.Hosting;
using QgaKit.Interop;

namespace QgaKit.Logging;

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
/// Thread-safe. The log file is opened on the first line written (or by <see cref="TryOpenLogFile"/>), never while
/// holding, so an agent that starts frozen does not open a file on a frozen filesystem.
/// </summary>
[AgentService]
public sealed partial class AgentLogger : IDisposable
{
    /// <summary>At most this many lines are held while frozen; later ones are counted and dropped.</summary>
    public const int MaxHeldLines = 4096;

    /// <summary>At most this many bytes of lines are held while frozen.</summary>
    public const int MaxHeldBytes = 1 << 20;

    private readonly object _gate = new();
    private readonly TextWriter? _stderrOverride;
    private readonly Func<DateTime> _utcNow;
    private readonly bool? _journalOverride;
    private Stream? _file;
    private bool _fileFailed;
    private bool? _journal;
    private List<HeldLine>? _held;
    private int _heldBytes;
    private long _dropped;

    /// <summary>A logger to stderr with qemu-ga's default levels (error and critical).</summary>
    public AgentLogger()
        : this(false, null)
    {
    }

    /// <param name="verbose"><c>-v</c>: all levels.</param>
    /// <param name="logFile"><c>-l</c>: append to this file instead of stderr.</param>
    public AgentLogger(bool verbose, string? logFile)
        : this(verbose, logFile, null, null, null)
    {
    }

    /// <summary>The logger <paramref name="options"/> ask for (<c>-v</c>, <c>-l</c>).</summary>
    public AgentLogger(AgentOptions options)
        : this(options?.Verbose ?? false, options?.LogFile)
    {
    }

    /// <param name="verbose">All levels.</param>
    /// <param name="logFile">Append to this file instead of stderr.</param>
    /// <param name="stderr">Replaces the process's stderr (tests).</param>
    /// <param name="utcNow">Replaces the clock (tests).</param>
    /// <param name="journal">Forces the journal's priority prefixes on or off (tests); null detects <c>JOURNAL_STREAM</c>.</param>
    internal AgentLogger(bool verbose, string? logFile, TextWriter? stderr, Func<DateTime>? utcNow, bool? journal)
    {
        Verbose = verbose;
        LogFile = logFile;
        _stderrOverride = stderr;
        _utcNow = utcNow ?? (() => DateTime.UtcNow);
        _journalOverride = journal;
    }

    /// <summary><c>-v</c>: every level is written, not only error and critical.</summary>
    public bool Verbose { get; set; }

    /// <summary>The <c>-l</c> file, or null for stderr.</summary>
    public string? LogFile { get; }

    /// <summary>True between <see cref="Hold"/> and <see cref="Release"/>.</summary>
    public bool IsHolding
    {
        get
        {
            lock (_gate)
            {
                return _held is not null;
            }
        }
    }

    public bool IsEnabled(LogLevel level) => level <= LogLevel.Critical || Verbose;

    public void Log(LogLevel level, string message)
    {
        if (!IsEnabled(level))
        {
            return;
        }

        var line = Format(_utcNow(), level, message);
        lock (_gate)
        {
            if (_held is not null)
            {
                if (_held.Count < MaxHeldLines && _heldBytes + line.Length <= MaxHeldBytes)
                {
                    _held.Add(new HeldLine(level, line));
                    _heldBytes += line.Length;
                }
                else
                {
                    _dropped++;
                }

                return;
            }

            Write(level, line);
        }
    }

    public void Error(string message) => Log(LogLevel.Error, message);

    public void Critical(string message) => Log(LogLevel.Critical, message);

    public void Warning(string message) => Log(LogLevel.Warning, message);

    public void Message(string message) => Log(LogLevel.Message, message);

    public void Info(string message) => Log(LogLevel.Info, message);

    public void Debug(string message) => Log(LogLevel.Debug, message);

    /// <summary>Starts holding lines in memory (filesystems are about to be frozen).</summary>
    public void Hold()
    {
        lock (_gate)
        {
            _held ??= new List<HeldLine>();
        }
    }

    /// <summary>Writes the held lines and goes back to writing directly; says how many lines did not fit.</summary>
    public void Release()
    {
        lock (_gate)
        {
            var held = _held;
            if (held is null)
            {
                return;
            }

            _held = null;
            _heldBytes = 0;
            foreach (var line in held)
            {
                Write(line.Level, line.Text);
            }

            if (_dropped > 0)
            {
                // Written whatever the level: the dropped lines had passed the level filter.
                Write(LogLevel.Warning, Format(_utcNow(), LogLevel.Warning, LoggingTexts.DroppedWhileFrozen(_dropped)));
                _dropped = 0;
            }
        }
    }

    /// <summary>Opens the <c>-l</c> file now, as qemu-ga does at start-up when not frozen (it exits when this fails).
    /// Returns false with qemu-ga's message (<c>unable to open specified log file: &lt;strerror&gt;</c>).</summary>
    public bool TryOpenLogFile(out string? error)
    {
        lock (_gate)
        {
            error = null;
            if (LogFile is null || _file is not null)
            {
                return true;
            }

            var handle = FileOpen.Open(LogFile, FileOpen.O_WRONLY | FileOpen.O_CREAT | FileOpen.O_APPEND, 0x1B6, out var errno);
            if (handle.IsInvalid)
            {
                handle.Dispose();
                error = LoggingTexts.CannotOpenLogFile(Errno.Describe(errno));
                return false;
            }

            _file = new FileStream(handle, FileAccess.Write, 1);
            _fileFailed = false;
            return true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _file?.Dispose();
            _file = null;
        }
    }

    /// <summary>qemu-ga's line: <c>seconds.microseconds: level: message</c>. qemu-ga prints the microseconds with
    /// <c>%lu</c> (5123 µs as <c>.5123</c>); we pad them to six digits so that the number reads right.</summary>
    internal static string Format(DateTime utc, LogLevel level, string message)
    {
        var micros = (utc.Ticks - DateTime.UnixEpoch.Ticks) / 10;
        return string.Create(CultureInfo.InvariantCulture, $"{micros / 1_000_000}.{micros % 1_000_000:D6}: {LevelName(level)}: {message}\n");
    }

    internal static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Error => "error",
        LogLevel.Critical => "critical",
        LogLevel.Warning => "warning",
        LogLevel.Message => "message",
        LogLevel.Info => "info",
        LogLevel.Debug => "debug",
        _ => "user",
    };

    // GLib's journal priorities (g_log_writer_journald): error 3, critical and warning 4, message 5, info 6, debug 7.
    internal static string JournalPrefix(LogLevel level) => level switch
    {
        LogLevel.Error => "<3>",
        LogLevel.Critical or LogLevel.Warning => "<4>",
        LogLevel.Message => "<5>",
        LogLevel.Info => "<6>",
        _ => "<7>",
    };

    private void Write(LogLevel level, string line)
    {
        if (LogFile is not null && !_fileFailed && (_file is not null || TryOpenLogFile(out _)))
        {
            try
            {
                var bytes = Encoding.UTF8.GetBytes(line);
                _file!.Write(bytes);
                _file.Flush();
                return;
            }
            catch (IOException)
            {
                // A full or vanished disk must not stop the agent; what follows goes to stderr.
                _fileFailed = true;
            }
        }
        else if (LogFile is not null)
        {
            // As qemu-ga after a deferred open failed (ga_unset_frozen): fall back to stderr.
            _fileFailed = true;
        }

        WriteStderr(level, line);
    }

    private void WriteStderr(LogLevel level, string line)
    {
        try
        {
            var stderr = _stderrOverride ?? Console.Error;
            stderr.Write(IsJournal() ? JournalPrefix(level) + line : line);
            stderr.Flush();
        }
        catch (IOException)
        {
            // stderr closed (daemon with a broken descriptor): nothing sensible is left to do with the line.
        }
    }

    private bool IsJournal() => _journal ??= _journalOverride ?? JournalStream.IsStderr(Environment.GetEnvironmentVariable("JOURNAL_STREAM"));

    private readonly record struct HeldLine(LogLevel Level, string Text);
}
