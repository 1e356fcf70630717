using QgaKit.Generators.Common;

namespace QgaKit.Generators.Hooks;

/// <summary>Writes the <c>&lt;Name&gt;Hook</c> class of one [Hook] enum.</summary>
internal static class HookEmitter
{
    public static string Emit(HookModel hook)
    {
        var w = new SourceWriter().Header().Line();
        if (hook.Namespace.Length > 0)
        {
            w.Line("namespace " + hook.Namespace + ";").Line();
        }

        var access = hook.IsPublic ? "public" : "internal";
        var code = GeneratorInfo.GeneratedCodeAttribute;
        var e = hook.EnumType;
        w.Line("/// <summary>Runs the <c>" + hook.HookName + "</c> hook executable with the arguments of <see cref=\"" + e + "\"/>.")
         .Line("/// Configured with <c>--" + hook.HookName + "-hook[=PATH]</c> or the config key <c>" + hook.HookName + "-hook</c>; disabled (does nothing) when not configured.</summary>")
         .Line(code)
         .Open(access + " sealed class " + hook.ClassName + " : global::QgaKit.Hooks.HookBase");

        var defaultPath = hook.DefaultPath is null ? "null" : GeneratorInfo.Literal(hook.DefaultPath);
        w.Line("/// <summary>The hook's name and default path, as registered with the agent.</summary>")
         .Line("public static new readonly global::QgaKit.Hooks.HookDefinition Definition = new global::QgaKit.Hooks.HookDefinition(" + GeneratorInfo.Literal(hook.HookName) + ", " + defaultPath + ");")
         .Line();

        w.Line("/// <summary>Creates the hook; the agent does this once and injects the instance.</summary>")
         .Line("public " + hook.ClassName + "(global::QgaKit.Hooks.HookHost host)")
         .Indent().Line(": base(Definition, host)").Outdent()
         .Line("{")
         .Line("}")
         .Line();

        w.Line("/// <summary>The argument string the hook executable gets for <paramref name=\"argument\"/>.</summary>")
         .Line("public static string ToArgument(" + e + " argument) => argument switch")
         .Line("{").Indent();
        foreach (var member in hook.Members)
        {
            if (!member.IsAlias)
            {
                w.Line(e + "." + Naming.Escape(member.Name) + " => " + GeneratorInfo.Literal(member.Argument) + ",");
            }
        }

        w.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(argument), argument, null),")
         .Outdent().Line("};").Line();

        w.Line("/// <summary>Runs the hook with <paramref name=\"argument\"/> and waits for it; throws <see cref=\"global::QgaKit.QgaException\"/> when it fails.</summary>")
         .Line("public void Execute(" + e + " argument) => Run(ToArgument(argument));")
         .Line()
         .Line("/// <summary>Runs the hook with <paramref name=\"argument\"/>; cancelling terminates the hook's process group.</summary>")
         .Line("public global::System.Threading.Tasks.Task ExecuteAsync(" + e + " argument, global::System.Threading.CancellationToken cancellationToken = default) => RunAsync(ToArgument(argument), cancellationToken);");

        foreach (var member in hook.Members)
        {
            var literal = GeneratorInfo.Literal(member.Argument);
            w.Line()
             .Line("/// <summary>Runs the hook with <c>" + Xml(member.Argument) + "</c>.</summary>")
             .Line("public void Execute" + member.Name + "() => Run(" + literal + ");")
             .Line()
             .Line("/// <summary>Runs the hook with <c>" + Xml(member.Argument) + "</c>; cancelling terminates the hook's process group.</summary>")
             .Line("public global::System.Threading.Tasks.Task Execute" + member.Name + "Async(global::System.Threading.CancellationToken cancellationToken = default) => RunAsync(" + literal + ", cancellationToken);");
        }

        w.Close();
        return w.ToString();
    }

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
