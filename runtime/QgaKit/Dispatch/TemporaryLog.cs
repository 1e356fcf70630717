using System;
using System.Globalization;
using QgaKit.Logging;

namespace QgaKit.Dispatch;

// TEMPORARY (agent core): until the hosting branch implements AgentLogger, its methods throw; these wrappers
// fall back to qemu-ga's line format on stderr. Replace every TryLog call with logger.Log once that lands.
internal static class TemporaryLog
{
    public static void TryLog(this AgentLogger logger, LogLevel level, string message)
    {
        try
        {
            logger.Log(level, message);
        }
        catch (NotImplementedException)
        {
            if (level <= LogLevel.Critical)
            {
                var now = DateTimeOffset.UtcNow;
                var seconds = now.ToUnixTimeSeconds();
                var micros = (now.UtcTicks / 10) % 1_000_000;
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seconds}.{micros:D6}: {level.ToString().ToLowerInvariant()}: {message}"));
            }
        }
    }
}
