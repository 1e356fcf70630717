using System;
using System.Text;
using QgaKit.Logging;

namespace QgaKit.Hooks;

/// <summary>
/// <c>--hook-log</c>: the hook's stdout and stderr (one pipe, so their order is kept) go into the agent's log
/// line by line at info level, at most <see cref="Limit"/> bytes per run. Bytes past the limit are still read and
/// thrown away, so a chatty hook never blocks on a full pipe.
/// </summary>
internal sealed class HookOutput
{
    public const int Limit = 64 * 1024;

    private readonly string _name;
    private readonly Action<LogLevel, string> _log;
    private readonly byte[] _line = new byte[Limit];
    private int _lineLength;
    private int _logged;
    private bool _truncated;

    public HookOutput(string name, Action<LogLevel, string> log)
    {
        _name = name;
        _log = log;
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        foreach (byte b in data)
        {
            if (_truncated)
            {
                return;
            }

            if (_logged + _lineLength >= Limit)
            {
                Flush();
                _truncated = true;
                _log(LogLevel.Info, HookTexts.OutputTruncated(_name, Limit));
                return;
            }

            if (b == (byte)'\n')
            {
                Flush();
                _logged++; // the newline counts towards the limit
            }
            else
            {
                _line[_lineLength++] = b;
            }
        }
    }

    /// <summary>Logs a last line that had no newline.</summary>
    public void Complete() => Flush();

    private void Flush()
    {
        if (_lineLength == 0)
        {
            return;
        }

        int length = _lineLength;
        if (_line[length - 1] == (byte)'\r')
        {
            length--;
        }

        _log(LogLevel.Info, HookTexts.OutputLine(_name, Encoding.UTF8.GetString(_line, 0, length)));
        _logged += _lineLength;
        _lineLength = 0;
    }
}
