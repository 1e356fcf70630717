using System.Reflection;

namespace QgaKit.Generators.Common;

/// <summary>What generated code says about its origin.</summary>
internal static class GeneratorInfo
{
    public const string AssemblyName = "QgaKit.Generators";

    public static readonly string Version = typeof(GeneratorInfo).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

    /// <summary>The attribute put on every generated member.</summary>
    public static readonly string GeneratedCodeAttribute =
        "[global::System.CodeDom.Compiler.GeneratedCode(\"" + AssemblyName + "\", \"" + Version + "\")]";

    public static string Literal(string value) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);
}
