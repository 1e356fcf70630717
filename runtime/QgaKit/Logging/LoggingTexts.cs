using System.Globalization;

namespace QgaKit.Logging;

// The logger's texts: qemu-ga's where it has one (qga/main.c), the kit's own otherwise.
internal static class LoggingTexts
{
    public static string CannotOpenLogFile(string strerror) => $"unable to open specified log file: {strerror}";

    public static string DroppedWhileFrozen(long count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} log lines were dropped while filesystems were frozen (at most {AgentLogger.MaxHeldLines} lines or {AgentLogger.MaxHeldBytes} bytes are held)");
}
