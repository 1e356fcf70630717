using QgaKit.Dispatch.Binding;
using Xunit;

namespace QgaKit.Generators.Tests;

public class ValuePathTests
{
    [Fact]
    public void Paths_print_like_QAPI_full_name()
    {
        Assert.Equal("size-hint", new ValuePath("size-hint").ToString());
        Assert.Equal("paths[0]", new ValuePath("paths").Element(0).ToString());
        Assert.Equal("items[1].name", new ValuePath("items").Element(1).Member("name").ToString());
        Assert.Equal("a.b.c[2][3].d", new ValuePath("a").Member("b").Member("c").Element(2).Element(3).Member("d").ToString());
        Assert.Equal("top", default(ValuePath).Member("top").ToString());
        Assert.True(default(ValuePath).IsRoot);
    }

    [Fact]
    public void Two_levels_below_a_parameter_build_no_strings()
    {
        var path = new ValuePath("items");
        var before = System.GC.GetAllocatedBytesForCurrentThread();
        var nested = path.Element(1).Member("name");
        var after = System.GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(0, after - before);
        Assert.Equal("items[1].name", nested.ToString());
    }
}
