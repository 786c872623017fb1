using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Members.Features;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Members;

/// <summary>The member search finds a part of a name whatever its accents and case, and takes « % » and « _ » as the characters they are, on both databases.</summary>
public abstract class MemberSearchTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    protected TFactory Factory => factory;

    [Theory]
    [InlineData("amil", true)]       // inside « Camille »
    [InlineData("DURÂND", true)]     // accents and case do not count
    [InlineData("%", false)]         // a character, not « anything »
    [InlineData("_", false)]
    [InlineData("d%nd", false)]
    [InlineData("\\", false)]
    public async Task APartOfAName_IsFound_WildcardsAreLiteral(string text, bool findsCamille)
    {
        var world = await World.OfAsync(factory);
        var finance = await factory.ActorAsync(World.Finance);
        var found = await factory.InScopeAsync(s => s.GetRequiredService<SearchMembers>().HandleAsync(new MemberSearch { Q = text, PageSize = 200 }, finance));
        Assert.Equal(findsCamille, found.Items.Any(m => m.Id == world.LilleMember));
        if (!findsCamille)
        {
            Assert.Empty(found.Items);
        }
    }
}

public sealed class SqliteMemberSearchTests(PartageFactory factory) : MemberSearchTests<PartageFactory>(factory);

public sealed class PostgresMemberSearchTests(PostgresFactory factory) : MemberSearchTests<PostgresFactory>(factory)
{
    /// <summary>The search's pattern is served by the trigram index: the planner uses it once the table is large enough to matter.</summary>
    [Fact]
    public async Task TheSearchKey_HasItsTrigramIndex_AndThePlannerUsesIt()
    {
        await World.OfAsync(Factory);
        var plan = await Factory.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<Partage.Persistence.PartageDbContext>();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SET enable_seqscan = off; EXPLAIN SELECT id FROM members WHERE search_key LIKE '%amil%'";
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }

            return string.Join('\n', lines);
        });
        Assert.Contains("ix_members_search_key_trgm", plan, StringComparison.Ordinal);
    }
}
