using Xunit;

namespace QgaKit.Generators.Tests;

public class GeneratorSmokeTests
{
    [Fact]
    public void Generator_can_be_created() => Assert.NotNull(new QgaGenerator());
}
