using Xunit;

namespace QgaKit.Generators.Tests;

public class SnapshotHelperTests
{
    [Fact]
    public void Unified_diff_shows_hunks_with_context()
    {
        var verified = string.Join("\n", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m");
        var received = string.Join("\n", "a", "b", "c", "D", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n");
        Assert.Equal(
            "--- verified\n+++ received\n"
            + "@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n"
            + "@@ -11,3 +11,4 @@\n k\n l\n m\n+n\n",
            QgaKit.Testing.SnapshotFiles.UnifiedDiff(verified, received));
    }
}
