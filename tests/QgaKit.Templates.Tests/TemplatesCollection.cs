using QgaKit.Templates.Tests.Infrastructure;
using Xunit;

namespace QgaKit.Templates.Tests;

/// <summary>All template tests share one pack and one hive, and run one after another (each build uses both cores).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TemplatesCollection : ICollectionFixture<KitPackagesFixture>
{
    public const string Name = "Templates";
}
