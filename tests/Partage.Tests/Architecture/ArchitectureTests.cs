using System.Reflection;
using Mono.Cecil;
using NetArchTest.Rules;

namespace Partage.Tests.Architecture;

/// <summary>The layout rules of docs/architecture.md, enforced.</summary>
public class ArchitectureTests
{
    private static readonly Assembly App = typeof(Program).Assembly;
    private static readonly Assembly Kernel = typeof(Partage.Kernel.Money).Assembly;

    [Fact]
    public void Kernel_ReferencesNoFrameworkForStorageOrWeb()
    {
        var result = Types.InAssembly(Kernel).ShouldNot()
            .HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Partage.App", "Partage.Persistence")
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    public static TheoryData<string> Modules() =>
        new(App.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith("Partage.App.Modules.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[3]).Distinct().Order());

    /// <summary>
    /// A module may use of another module only its public contract: the I*Api interface, the
    /// views and references it returns, ids, enums, error codes and labels. Never its entities,
    /// handlers (Features) or pages. EF configurations are exempt: a foreign key names the
    /// other module's table.
    /// </summary>
    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_TouchesOtherModulesOnlyThroughTheirContract(string module)
    {
        var intrusions = Intrusions(App, $"Partage.App.Modules.{module}", module, IsContract);
        Assert.True(intrusions.Count == 0, $"{module} reaches into another module: {string.Join(", ", intrusions)}");
    }

    /// <summary>
    /// The parts around the modules (the host and its infrastructure, the shared pages, security,
    /// the command line) are composition: they register modules, call their use cases (Features, with
    /// their inputs and the views they return) and contracts, but never touch a module's entities or
    /// tables. The demo seeder is not held to it yet: it reads tables to find what it seeded.
    /// </summary>
    [Theory]
    [InlineData("Partage.App.Infrastructure")]
    [InlineData("Partage.App.Ui")]
    [InlineData("Partage.App.Security")]
    [InlineData("Partage.App.Cli")]
    public void OuterParts_UseModulesOnlyThroughContractsAndUseCases(string part)
    {
        var intrusions = Intrusions(App, part, null, t => IsContract(t) || IsUseCaseOrRegistration(t));
        Assert.True(intrusions.Count == 0, $"{part} reaches into a module: {string.Join(", ", intrusions)}");
    }

    /// <summary>The rule catches what it is for: deliberate violations, in this test assembly, are named.</summary>
    [Fact]
    public void Intrusions_DeliberateViolations_AreNamed()
    {
        var tests = typeof(ArchitectureTests).Assembly;
        var intrusions = Intrusions(tests, typeof(DeliberateViolation.ReadsMembersTable).Namespace!, "Activities", IsContract);

        Assert.Equal(
            [
                $"{typeof(DeliberateViolation.CallsAnotherModulesHandler).FullName} (uses Partage.App.Modules.Members.Features.GetMember, Partage.App.Modules.Members.MemberView)",   // another module's use case and its view
                $"{typeof(DeliberateViolation.ReadsMembersTable).FullName} (uses Partage.App.Modules.Members.Member)",   // another module's table
                $"{typeof(DeliberateViolation.ReadsMembersTableInAnAsyncLambda).FullName} (uses Partage.App.Modules.Members.Member)",   // the same, from inside an async lambda
            ],
            [.. intrusions.Order(StringComparer.Ordinal)]);   // and not UsesContractOnly
    }

    private static readonly HashSet<Type> UseCaseTypes = Exchanged(App.GetTypes().Where(t => t.IsPublic
        && t.Namespace?.StartsWith("Partage.App.Modules.", StringComparison.Ordinal) == true && t.Namespace.EndsWith(".Features", StringComparison.Ordinal)));

    /// <summary>A use case (a public type of a module's Features), what its methods take and return, or a module's registration.</summary>
    private static bool IsUseCaseOrRegistration(Type t) =>
        UseCaseTypes.Contains(t) || t.Name.EndsWith("Module", StringComparison.Ordinal);

    /// <summary>
    /// The types of <paramref name="assembly"/> under <paramref name="fromNamespace"/> that depend on a
    /// type of a module other than <paramref name="ownModule"/> which <paramref name="allowed"/> refuses.
    /// </summary>
    private static List<string> Intrusions(Assembly assembly, string fromNamespace, string? ownModule, Func<Type, bool> allowed)
    {
        var forbidden = App.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Partage.App.Modules.", StringComparison.Ordinal) == true
                && t.Namespace.Split('.')[3] != ownModule
                && !allowed(t))
            .Select(t => t.FullName!.Split('`')[0])
            .Where(n => !n.Contains('<', StringComparison.Ordinal) && !n.Contains('+', StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        return [.. TypesUnder(assembly, fromNamespace)
            .Select(type => (type.FullName, Uses: References(type).Where(forbidden.Contains).Order(StringComparer.Ordinal).ToList()))
            .Where(t => t.Uses.Count > 0)
            .Select(t => $"{t.FullName} (uses {string.Join(", ", t.Uses)})")];
    }

    /// <summary>
    /// The top-level types of <paramref name="assembly"/> in <paramref name="ns"/> or below it, EF
    /// configurations left out: they may name another module's entity, since a foreign key keeps the
    /// database whole without a call between modules.
    /// </summary>
    private static IEnumerable<TypeDefinition> TypesUnder(Assembly assembly, string ns)
    {
        var module = Cecil.GetOrAdd(assembly.Location, location => ModuleDefinition.ReadModule(location));
        return module.Types.Where(t => (t.Namespace == ns || t.Namespace.StartsWith(ns + ".", StringComparison.Ordinal))
            && !t.Name.EndsWith("Configuration", StringComparison.Ordinal));
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ModuleDefinition> Cecil = new(StringComparer.Ordinal);

    /// <summary>
    /// Every type a type names — in its signatures, fields, locals and instructions — and so do the
    /// types nested in it at any depth: the closures and async state machines the compiler makes of
    /// lambdas hold their bodies, so a rule that skipped them would miss what a lambda reaches.
    /// Top-level names only ("Namespace.Type", generic arity dropped).
    /// </summary>
    private static HashSet<string> References(TypeDefinition type)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Add(TypeReference? reference)
        {
            switch (reference)
            {
                case null or GenericParameter:
                    return;
                case GenericInstanceType generic:
                    Add(generic.ElementType);
                    foreach (var argument in generic.GenericArguments)
                    {
                        Add(argument);
                    }

                    return;
                case TypeSpecification specification:   // arrays, by-ref, pointers, modifiers
                    Add(specification.ElementType);
                    return;
            }

            var top = reference;
            while (top.DeclaringType is not null)
            {
                top = top.DeclaringType;
            }

            names.Add(top.FullName.Split('`')[0]);
        }

        void AddMember(MemberReference member)
        {
            Add(member.DeclaringType);
            switch (member)
            {
                case GenericInstanceMethod generic:
                    AddMember(generic.ElementMethod);
                    foreach (var argument in generic.GenericArguments)
                    {
                        Add(argument);
                    }

                    break;
                case MethodReference method:
                    Add(method.ReturnType);
                    foreach (var parameter in method.Parameters)
                    {
                        Add(parameter.ParameterType);
                    }

                    break;
                case FieldReference field:
                    Add(field.FieldType);
                    break;
            }
        }

        void Visit(TypeDefinition t)
        {
            Add(t.BaseType);
            foreach (var i in t.Interfaces)
            {
                Add(i.InterfaceType);
            }

            foreach (var field in t.Fields)
            {
                Add(field.FieldType);
            }

            foreach (var property in t.Properties)
            {
                Add(property.PropertyType);
            }

            foreach (var method in t.Methods)
            {
                AddMember(method);
                if (!method.HasBody)
                {
                    continue;
                }

                foreach (var local in method.Body.Variables)
                {
                    Add(local.VariableType);
                }

                foreach (var operand in method.Body.Instructions.Select(i => i.Operand))
                {
                    if (operand is TypeReference typeOperand)
                    {
                        Add(typeOperand);
                    }
                    else if (operand is MemberReference memberOperand)
                    {
                        AddMember(memberOperand);
                    }
                }
            }

            foreach (var nested in t.NestedTypes)
            {
                Visit(nested);
            }
        }

        Visit(type);
        names.Remove(type.FullName.Split('`')[0]);
        return names;
    }

    private static readonly HashSet<Type> ApiTypes = ExchangedByApis();

    /// <summary>
    /// The interfaces at the root of a module: its I*Api, and those it asks other modules to
    /// implement so that it never calls them (dependency inversion, e.g. IMemberOfficeFollower).
    /// </summary>
    private static bool IsModuleInterface(Type t) =>
        t.IsInterface && t.Namespace?.StartsWith("Partage.App.Modules.", StringComparison.Ordinal) == true && t.Namespace.Split('.').Length == 4;

    /// <summary>
    /// A module's contract: its interfaces and every type they exchange
    /// (parameters, results, and, transitively, their properties), plus ids, enums, error codes,
    /// labels and reference data.
    /// </summary>
    private static bool IsContract(Type t) =>
        ApiTypes.Contains(t)
        || IsModuleInterface(t)
        || t.IsEnum
        || t.Name.EndsWith("Id", StringComparison.Ordinal)
        || t.Name.EndsWith("Errors", StringComparison.Ordinal)
        || t.Name.EndsWith("Labels", StringComparison.Ordinal)
        || t.Name.EndsWith("ReferenceData", StringComparison.Ordinal)
        || t.Name is "Trade" or "Trades" or "BusinessModules" or "ChartOfAccounts" or "IAuditLog";

    private static HashSet<Type> ExchangedByApis() => Exchanged(App.GetTypes().Where(IsModuleInterface));

    /// <summary>The roots, the types their public methods take and return, and, transitively, the types of those types' properties.</summary>
    private static HashSet<Type> Exchanged(IEnumerable<Type> roots)
    {
        var found = new HashSet<Type>();
        var pending = new Stack<Type>(roots.SelectMany(root => root.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)).SelectMany(Unwrap).Append(root)));
        while (pending.TryPop(out var type))
        {
            if (type.Assembly != App || !found.Add(type))
            {
                continue;
            }

            foreach (var used in type.GetProperties().Select(p => p.PropertyType).SelectMany(Unwrap))
            {
                pending.Push(used);
            }
        }

        return found;
    }

    private static IEnumerable<Type> Unwrap(Type type) =>
        type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrap) : type.IsArray ? Unwrap(type.GetElementType()!) : [type];

    /// <summary>
    /// ActorAccessor runs on every request: the contracts it asks (who is this account's member,
    /// office, employer) are built from the database alone, not from the payroll or invoicing graph.
    /// </summary>
    [Theory]
    [InlineData(typeof(Partage.App.Modules.Members.IMembersApi))]
    [InlineData(typeof(Partage.App.Modules.Offices.IOfficesApi))]
    [InlineData(typeof(Partage.App.Modules.Employers.IEmployersApi))]
    public void ActorLookups_NeedOnlyTheDatabase(Type contract)
    {
        var accessor = typeof(Partage.App.Security.ActorAccessor).GetConstructors().Single().GetParameters().Select(p => p.ParameterType);
        Assert.Contains(contract, accessor);
        var implementation = App.GetTypes().Single(t => t.IsClass && !t.IsAbstract && contract.IsAssignableFrom(t));

        Assert.All(implementation.GetConstructors().Single().GetParameters(), p => Assert.Equal(typeof(Partage.Persistence.PartageDbContext), p.ParameterType));
    }

    [Fact]
    public void BannedSymbols_SystemClockAndUnsafeRoundingStayBanned()
    {
        // The banned-API analyzer stops DateTime.Now at build time; this guards against its removal.
        var bannedFile = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "BannedSymbols.txt");
        var banned = File.ReadAllText(bannedFile);
        Assert.Contains("P:System.DateTime.UtcNow", banned, StringComparison.Ordinal);
        Assert.Contains("M:System.Decimal.Round(System.Decimal,System.Int32)", banned, StringComparison.Ordinal);
    }

    /// <summary>
    /// No group of modules reaches one another (who uses whom, contracts and ids included, EF
    /// configurations aside): a module that must be told something by one above it defines an
    /// interface that the other implements (IMemberOfficeFollower, IFeeBearingActivities, IWageSource,
    /// IHiringSource, IReceivableSource). The message lists every edge with the types that make it.
    /// </summary>
    [Fact]
    public void ModuleGraph_HasNoCycle()
    {
        var modules = App.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith("Partage.App.Modules.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[3]).Distinct().Order().ToList();
        var via = new Dictionary<string, string>();
        var uses = modules.ToDictionary(m => m, m => modules.Where(other =>
        {
            if (other == m)
            {
                return false;
            }

            var failing = TypesUnder(App, $"Partage.App.Modules.{m}")
                .Where(t => References(t).Any(r => r.StartsWith($"Partage.App.Modules.{other}.", StringComparison.Ordinal)))
                .Select(t => t.FullName).ToList();
            via[$"{m} -> {other}"] = string.Join(", ", failing);
            return failing.Count > 0;
        }).ToList());

        var cycles = Cycles(uses);

        Assert.True(cycles.Count == 0, $"Module cycles: {string.Join(" | ", cycles)}; edges: {string.Join("; ", via.Where(e => e.Value.Length > 0).Select(e => $"{e.Key} ({e.Value})"))}");
    }

    [Fact]
    public void Cycles_FindsEachGroupOfModulesThatReachOneAnother()
    {
        var graph = new Dictionary<string, List<string>>
        {
            ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A", "D"], ["D"] = [], ["E"] = ["F"], ["F"] = ["E"], ["G"] = ["A"],
        };

        Assert.Equal(["A, B, C", "E, F"], Cycles(graph));
        graph["D"].Add("G");   // a deliberate violation: D now leads back to A, through G
        Assert.Equal(["A, B, C, D, G", "E, F"], Cycles(graph));
    }

    /// <summary>Groups of two or more nodes that all reach one another, each as "A, B, C", in order.</summary>
    private static List<string> Cycles(IReadOnlyDictionary<string, List<string>> graph)
    {
        HashSet<string> Reach(string from)
        {
            var seen = new HashSet<string>();
            var pending = new Stack<string>(graph[from]);
            while (pending.TryPop(out var node))
            {
                if (seen.Add(node))
                {
                    foreach (var next in graph[node])
                    {
                        pending.Push(next);
                    }
                }
            }

            return seen;
        }

        var reach = graph.Keys.ToDictionary(n => n, Reach);
        return graph.Keys
            .Select(n => graph.Keys.Where(o => o == n || (reach[n].Contains(o) && reach[o].Contains(n))).Order(StringComparer.Ordinal).ToList())
            .Where(group => group.Count > 1)
            .Select(group => string.Join(", ", group))
            .Distinct().Order(StringComparer.Ordinal).ToList();
    }
}
