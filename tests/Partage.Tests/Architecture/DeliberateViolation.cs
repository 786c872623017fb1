using Microsoft.EntityFrameworkCore;
using Partage.App.Modules.Members;
using Partage.App.Modules.Members.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

// Deliberate violations of the module rules, for ArchitectureTests.Intrusions_DeliberateViolations_AreNamed
// to show that the rule names them. Never called.
namespace Partage.Tests.Architecture.DeliberateViolation;

/// <summary>Reads the Members module's table directly instead of asking IMembersApi.</summary>
internal sealed class ReadsMembersTable(PartageDbContext db)
{
    public Task<int> CountAsync() => db.Set<Member>().CountAsync();
}

/// <summary>Calls another module's handler instead of its contract.</summary>
internal sealed class CallsAnotherModulesHandler(GetMember handler)
{
    public Task<MemberView> GetAsync(MemberId id) => handler.HandleAsync(id, Actor.System);
}

/// <summary>What a module may do: ask the other module's contract.</summary>
internal sealed class UsesContractOnly(IMembersApi members)
{
    public IMembersApi Members => members;
}

/// <summary>
/// Reads the table from an async lambda, as a command-line verb or an endpoint does: the compiler
/// moves its body into a state machine nested in a closure class, which the rule must see too.
/// </summary>
internal sealed class ReadsMembersTableInAnAsyncLambda(PartageDbContext db)
{
    public Task<int> CountAsync(string name)
    {
        var wanted = name;
        Func<Task<int>> count = async () =>
        {
            await Task.Yield();
            return await db.Set<Member>().CountAsync(m => m.LastName == wanted);
        };
        return count();
    }
}
