using System;
using System.Collections.Generic;
using System.Linq;
using QgaKit.Generators.Common;

namespace QgaKit.Generators.Commands;

/// <summary>
/// Writes the assembly's QGA module: an <c>IQgaModule</c> registered from a <c>[ModuleInitializer]</c>, so adding
/// a file with commands or hooks needs no other edit. Hooks are added to the agent's services before command
/// classes are created, and command classes in dependency order.
/// </summary>
internal static class ModuleEmitter
{
    public const string HintName = "QgaKit.Generated.QgaModule.g.cs";
    private const string Services = "global::QgaKit.Dispatch.AgentServices";

    public static string Emit(ModuleModel model)
    {
        var w = new SourceWriter().Header().Line();
        var commandNames = model.Classes.SelectMany(c => c.CommandNames).ToList();
        if (commandNames.Count > 0)
        {
            w.Line("[assembly: global::QgaKit.Dispatch.Binding.GeneratedCommands(" + string.Join(", ", commandNames.Select(GeneratorInfo.Literal)) + ")]");
        }

        if (model.Hooks.Count > 0)
        {
            w.Line("[assembly: global::QgaKit.Dispatch.Binding.GeneratedHooks(" + string.Join(", ", model.Hooks.Select(h => GeneratorInfo.Literal(h.HookName))) + ")]");
        }

        w.Line().Line("namespace QgaKit.Generated;").Line();
        w.Line("/// <summary>This assembly's QGA commands and hooks, found by the agent through <see cref=\"global::QgaKit.Dispatch.QgaModules\"/>.</summary>")
         .Line(GeneratorInfo.GeneratedCodeAttribute)
         .Open("file sealed class QgaModule : global::QgaKit.Dispatch.IQgaModule");

        w.Line("/// <inheritdoc/>")
         .Open("public void RegisterHooks(global::QgaKit.Hooks.HookCatalog catalog)");
        foreach (var hook in model.Hooks)
        {
            w.Line("catalog.Add(" + hook.ClassFullName + ".Definition);");
        }

        w.Close().Line();
        w.Line("/// <inheritdoc/>")
         .Open("public void RegisterCommands(global::QgaKit.Dispatch.CommandTable table, " + Services + " services)");

        var hookTypes = new List<string>();
        foreach (var hook in model.Hooks)
        {
            hookTypes.Add(hook.ClassFullName);
        }

        var classes = model.Classes.ToDictionary(c => c.FullName, StringComparer.Ordinal);
        var resolved = model.Classes.ToDictionary(c => c.FullName, c => c.Dependencies.Select(d => Resolve(d, model, classes)).ToList(), StringComparer.Ordinal);
        foreach (var dependency in resolved.Values.SelectMany(d => d))
        {
            if (dependency.Kind == DependencyKind.Hook && !hookTypes.Contains(dependency.TypeName))
            {
                hookTypes.Add(dependency.TypeName);
            }
        }

        // Hook instances first, so command classes of any assembly can take them.
        foreach (var hook in hookTypes)
        {
            w.Line(GetOrAdd(hook, "new " + hook + "(s.GetRequired<global::QgaKit.Hooks.HookHost>())") + ";");
        }

        var ordered = Order(model.Classes.Where(c => c.NeedsInstance && c.HasUsableConstructor).ToList(), resolved, classes);
        var instances = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in ordered)
        {
            var local = "instance" + instances.Count;
            instances[type.FullName] = local;
            var args = string.Join(", ", resolved[type.FullName].Select(d => "s.GetRequired<" + d.TypeName + ">()"));
            w.Line("var " + local + " = " + GetOrAdd(type.FullName, "new " + type.FullName + "(" + args + ")") + ";");
        }

        foreach (var type in model.Classes)
        {
            if (!type.NeedsInstance)
            {
                w.Line(type.FullName + ".__QgaRegisterCommands(table);");
            }
            else if (instances.TryGetValue(type.FullName, out var local))
            {
                w.Line(type.FullName + ".__QgaRegisterCommands(table, " + local + ");");
            }
        }

        w.Close();
        w.Close().Line();

        w.Line(GeneratorInfo.GeneratedCodeAttribute)
         .Open("file static class QgaModuleInitializer")
         .Line("[global::System.Runtime.CompilerServices.ModuleInitializer]")
         .Open("internal static void Initialize()");
        if (model.Libraries.Count > 0)
        {
            // The CLR runs a module initializer on the module's first use, which for a library of commands that
            // the agent never calls directly would be never: run theirs first, so they register before ours.
            foreach (var type in model.Libraries)
            {
                w.Line("global::System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(typeof(" + type + ").Module.ModuleHandle);");
            }
        }

        w.Line("global::QgaKit.Dispatch.QgaModules.Register(new QgaModule());")
         .Close()
         .Close();
        return w.ToString();
    }

    private static string GetOrAdd(string type, string create)
        => "global::QgaKit.Dispatch.Binding.AgentServicesExtensions.GetOrAdd<" + type + ">(services, static s => " + create + ")";

    /// <summary>Resolves hook classes this generator emits (unknown to the compiler while it runs) by name.</summary>
    private static DependencyModel Resolve(DependencyModel dependency, ModuleModel model, Dictionary<string, ModuleClass> classes)
    {
        if (dependency.Kind == DependencyKind.Unresolved)
        {
            var hook = model.Hooks.FirstOrDefault(h => h.ClassName == dependency.SimpleName && (dependency.NamespaceHint is null || h.Namespace == dependency.NamespaceHint));
            if (hook is not null)
            {
                return new DependencyModel(DependencyKind.Hook, hook.ClassFullName, hook.ClassName, null);
            }
        }

        return dependency;
    }

    /// <summary>Command classes ordered so that each comes after the command classes its constructor takes;
    /// classes in a cycle are left out (QGA0018 reports them).</summary>
    private static List<ModuleClass> Order(List<ModuleClass> types, Dictionary<string, List<DependencyModel>> resolved, Dictionary<string, ModuleClass> classes)
    {
        var result = new List<ModuleClass>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = visiting, 2 = done, 3 = in a cycle
        var available = new HashSet<string>(types.Select(t => t.FullName), StringComparer.Ordinal);

        bool Visit(ModuleClass type)
        {
            if (state.TryGetValue(type.FullName, out var s))
            {
                return s == 2;
            }

            state[type.FullName] = 1;
            foreach (var dependency in resolved[type.FullName])
            {
                if (classes.TryGetValue(dependency.TypeName, out var other) && (!available.Contains(other.FullName) || !Visit(other)))
                {
                    state[type.FullName] = 3;
                    return false;
                }
            }

            state[type.FullName] = 2;
            result.Add(type);
            return true;
        }

        foreach (var type in types)
        {
            Visit(type);
        }

        return result;
    }
}
