using System;
using System.IO;
using System.Text;

namespace QgaKit.Hosting.CommandLine;

/// <summary>
/// Console.Out/Console.Error, opened on the first write. The command line only prints for -h, -V, --dump-conf and
/// errors; an agent that starts normally never touches them, and opening them (dup of fd 1/2, encoding, stream
/// writer) is start-up time before <c>listen()</c>.
/// </summary>
internal sealed class DeferredConsoleWriter(Func<TextWriter> open) : TextWriter
{
    private TextWriter? _writer;

    public static DeferredConsoleWriter Out { get; } = new(static () => Console.Out);

    public static DeferredConsoleWriter Error { get; } = new(static () => Console.Error);

    private TextWriter Writer => _writer ??= open();

    public override Encoding Encoding => Writer.Encoding;

    public override void Write(char value) => Writer.Write(value);

    public override void Write(char[] buffer, int index, int count) => Writer.Write(buffer, index, count);

    public override void Write(ReadOnlySpan<char> buffer) => Writer.Write(buffer);

    public override void Write(string? value) => Writer.Write(value);

    public override void WriteLine(string? value) => Writer.WriteLine(value);

    public override void Flush() => _writer?.Flush();
}
