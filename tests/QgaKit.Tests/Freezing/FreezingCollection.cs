using Xunit;

namespace QgaKit.Tests.Freezing;

/// <summary>Every test that freezes runs alone: a thaw thaws every mount, and freezes nest.</summary>
[CollectionDefinition("Freezing", DisableParallelization = true)]
public sealed class FreezingCollection
{
}
