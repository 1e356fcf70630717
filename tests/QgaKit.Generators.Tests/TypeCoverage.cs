namespace QgaKit.Generators.Tests;

/// <summary>A command class that uses every supported parameter and return type.</summary>
internal static class TypeCoverage
{
    public const string Source = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using QgaKit;
        using QgaKit.Json;

        namespace Acme.Coverage;

        public enum Mode { Fast, [QgaName("slow-and-steady")] Slow, IPAddress }

        public sealed record Disk(string Name, ulong Size, Partition[] Partitions, Mode? Mode = null);

        public sealed record Partition(int Index, string? Label, IReadOnlyList<string> Flags);

        public sealed class Settings
        {
            public bool Verbose { get; set; }

            [QgaName("max-depth")]
            public int? Depth { get; init; }

            public List<Disk> Disks { get; set; } = new();

            public int Computed => Disks.Count;
        }

        public partial class CoverageCommands
        {
            [QgaCommand("guest-cover-scalars")]
            public static string Scalars(
                bool flag, sbyte tiny, byte small, short shortValue, ushort ushortValue, int intValue, uint uintValue,
                long longValue, ulong ulongValue, double ratio, string text, Mode mode, JsonValue anything,
                [QgaName("renamed")] int original, int withDefault = 42, string? maybe = null, long? sizeHint = null,
                Mode fallback = Mode.Slow, double scale = 1.5, bool enabled = true, string label = "x\"y")
                => text;

            [QgaCommand("guest-cover-collections")]
            public static IReadOnlyList<int> Collections(int[] numbers, List<string> names, IReadOnlyList<Mode> modes, IEnumerable<long> longs, int[][] grid, IList<Disk> disks)
                => numbers;

            [QgaCommand("guest-cover-nested")]
            public Settings Nested(Settings settings, Disk? extra) => settings;

            [QgaCommand("guest-cover-any")]
            public JsonValue Any(JsonValue value) => value;

            [QgaCommand("guest-cover-enum")]
            public Mode EnumResult() => Mode.IPAddress;

            [QgaCommand("guest-cover-nullable")]
            public Disk? NullableResult() => null;

            [QgaCommand("guest-cover-bool")]
            public bool BoolResult() => true;

            [QgaCommand("guest-cover-double")]
            public double DoubleResult() => 0.5;

            [QgaCommand("guest-cover-ulong")]
            public ulong ULongResult() => ulong.MaxValue;

            [QgaCommand("guest-cover-array")]
            public Disk[] ArrayResult() => System.Array.Empty<Disk>();

            [QgaCommand("guest-cover-task")]
            public Task TaskVoid(CancellationToken cancellationToken) => Task.CompletedTask;

            [QgaCommand("guest-cover-value-task")]
            public ValueTask ValueTaskVoid() => default;

            [QgaCommand("guest-cover-task-result")]
            public Task<Disk> TaskResult(string name) => Task.FromResult(new Disk(name, 1, System.Array.Empty<Partition>()));

            [QgaCommand("guest-cover-value-task-result")]
            public static ValueTask<long> ValueTaskResult(CancellationToken cancellationToken, long value) => new(value);
        }
        """;
}
