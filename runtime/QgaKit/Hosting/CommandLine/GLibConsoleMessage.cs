using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace QgaKit.Hosting.CommandLine;

/// <summary>
/// What GLib's default log handler writes for qemu-ga's <c>g_critical</c>/<c>g_warning</c> before qemu-ga installs its
/// own logger (config and command-line errors): <c>\n** (process:PID): CRITICAL **: HH:MM:SS.mmm: message\n</c>, with
/// GLib's escaping of control characters (<c>\u0001</c>).
/// </summary>
public static class GLibConsoleMessage
{
    public static void Critical(TextWriter writer, string message) => Write(writer, "CRITICAL", message, DateTime.Now);

    public static void Warning(TextWriter writer, string message) => Write(writer, "WARNING", message, DateTime.Now);

    public static string Format(string level, string message, int processId, DateTime localTime) =>
        string.Create(CultureInfo.InvariantCulture, $"\n** (process:{processId}): {level} **: {localTime:HH:mm:ss.fff}: {Escape(message)}\n");

    private static void Write(TextWriter writer, string level, string message, DateTime localTime)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Format(level, message, Environment.ProcessId, localTime));
        writer.Flush();
    }

    // gmessages.c escape_string: control characters other than \t, \n and \r before \n, DEL and C1 become \u00XX.
    private static string Escape(string message)
    {
        StringBuilder? escaped = null;
        for (var i = 0; i < message.Length; i++)
        {
            var c = message[i];
            var safe = c == '\r'
                ? i + 1 < message.Length && message[i + 1] == '\n'
                : !((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f || (c >= 0x80 && c < 0xa0));
            if (safe)
            {
                escaped?.Append(c);
                continue;
            }

            escaped ??= new StringBuilder(message, 0, i, message.Length + 8);
            escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
        }

        return escaped?.ToString() ?? message;
    }
}
