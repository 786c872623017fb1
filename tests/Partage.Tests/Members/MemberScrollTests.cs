using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Members.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Members;

/// <summary>Keyset paging of the member list: walking it forwards, backwards and from its end gives the rows of the numbered list, in its order, on both databases.</summary>
public abstract class MemberScrollTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    /// <summary>The world and nine more members in Lille and Paris, three of them of the same name (ties broken by number).</summary>
    private async Task<World> WorldAsync()
    {
        var world = await World.OfAsync(factory);
        (string First, string Last)[] names = [("Léa", "Martin"), ("Léa", "Martin"), ("Léa", "Martin"), ("Zoé", "Abadie"), ("Hugo", "Zimmer"), ("Émile", "Martin"), ("Anna", "Martín"), ("Jean", "Durand"), ("Inès", "Béranger")];
        await factory.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<Partage.Persistence.PartageDbContext>();
            if (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Set<Partage.App.Modules.Members.Member>()) < 10)
            {
                foreach (var (name, i) in names.Select((n, i) => (n, i)))
                {
                    await s.GetRequiredService<Partage.App.Modules.Members.Features.CreateMember>().HandleAsync(
                        World.NewMember(i % 2 == 0 ? world.Lille : world.Paris, $"defile{i}@exemple.fr") with { FirstName = name.First, LastName = name.Last, Nir = null }, Actor.System);
                }
            }

            return 0;
        });
        return world;
    }

    private Task<MemberScrollPage> ScrollAsync(MemberScroll input, Actor actor) =>
        factory.InScopeAsync(s => s.GetRequiredService<ScrollMembers>().HandleAsync(input, actor));

    private async Task<List<long>> WalkAsync(string? sort, Actor actor, bool fromEnd)
    {
        var numbers = new List<long>();
        var page = await ScrollAsync(new MemberScroll { Sort = sort, PageSize = 2, End = fromEnd ? true : null }, actor);
        for (var pages = 0; pages < 1000; pages++)
        {
            Assert.InRange(page.Items.Count, 1, 2);
            numbers.InsertRange(fromEnd ? 0 : numbers.Count, page.Items.Select(m => m.Number));
            var position = fromEnd ? page.Previous : page.Next;
            if (position is null)
            {
                return numbers;
            }

            page = await ScrollAsync(fromEnd ? new MemberScroll { Sort = sort, PageSize = 2, Before = position } : new MemberScroll { Sort = sort, PageSize = 2, After = position }, actor);
        }

        throw new InvalidOperationException("The walk did not end.");
    }

    [Theory]
    [InlineData(null, World.Finance)]
    [InlineData("-name", World.Finance)]
    [InlineData("number", World.LilleManager)]
    [InlineData("-number", World.Admin)]
    public async Task WalkingForwardsAndBackFromTheEnd_GivesTheNumberedListInItsOrder(string? sort, string email)
    {
        await WorldAsync();
        var actor = await factory.ActorAsync(email);
        // The numbered list by name, in the database's order (its collation); keyset paging by name descending is its exact reverse.
        var all = await factory.InScopeAsync(s => s.GetRequiredService<SearchMembers>().HandleAsync(new MemberSearch { PageSize = 200 }, actor));
        Assert.True(all.Total is > 5 and <= 200, $"{all.Total} members visible");
        var expected = sort?.TrimStart('-') == "number" ? all.Items.Select(m => m.Number).Order().ToList() : all.Items.Select(m => m.Number).ToList();
        if (sort?.StartsWith('-') == true)
        {
            expected.Reverse();
        }

        Assert.Equal(expected, await WalkAsync(sort, actor, fromEnd: false));
        Assert.Equal(expected, await WalkAsync(sort, actor, fromEnd: true));
    }

    [Fact]
    public async Task PageAfterThenBefore_ComesBackToTheSamePage_AndTheEndHasNoNext()
    {
        await WorldAsync();
        var finance = await factory.ActorAsync(World.Finance);
        var first = await ScrollAsync(new MemberScroll { PageSize = 3 }, finance);
        Assert.Null(first.Previous);
        var second = await ScrollAsync(new MemberScroll { PageSize = 3, After = first.Next }, finance);
        var back = await ScrollAsync(new MemberScroll { PageSize = 3, Before = second.Previous }, finance);
        Assert.Equal(first.Items.Select(m => m.Id), back.Items.Select(m => m.Id));
        var end = await ScrollAsync(new MemberScroll { PageSize = 3, End = true }, finance);
        Assert.Null(end.Next);
        Assert.NotNull(end.Previous);
    }

    [Fact]
    public async Task AMemberSeesOnlyThemself_AndAFilterStillApplies()
    {
        var world = await WorldAsync();
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var own = await ScrollAsync(new MemberScroll { End = true }, member);
        Assert.Equal([world.LilleMember], own.Items.Select(m => m.Id));
        var finance = await factory.ActorAsync(World.Finance);
        var found = await ScrollAsync(new MemberScroll { Q = "amil" }, finance);
        Assert.Contains(found.Items, m => m.Id == world.LilleMember);
        Assert.All(found.Items, m => Assert.Contains("amil", (m.FirstName + " " + m.LastName).ToLowerInvariant(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("after=pas-une-position")]
    [InlineData("after=%%%")]
    [InlineData("sort=status")]
    [InlineData("end=true&before=bnVtYmVyHzE")]
    public async Task ABadPositionOrSort_Answers400WithAFrenchMessage(string query)
    {
        await WorldAsync();
        using var client = await factory.ClientForAsync(World.Finance);
        using var response = await client.GetAsync($"/api/v1/members/scroll?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task APositionOfAnotherSort_IsRefused()
    {
        await WorldAsync();
        var finance = await factory.ActorAsync(World.Finance);
        var byNumber = await ScrollAsync(new MemberScroll { Sort = "number", PageSize = 2 }, finance);
        var error = await Assert.ThrowsAsync<InputValidationException>(() => ScrollAsync(new MemberScroll { After = byNumber.Next }, finance));
        Assert.Contains("Position inconnue", error.Errors["After"][0], StringComparison.Ordinal);
        using var client = await factory.ClientForAsync(World.Finance);
        var page = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/members/scroll?sort=number&pageSize=2&after={byNumber.Next}");
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.Equal(byNumber.Items[^1].Number + 1, page.GetProperty("items")[0].GetProperty("number").GetInt64());
    }
}

public sealed class SqliteMemberScrollTests(PartageFactory factory) : MemberScrollTests<PartageFactory>(factory);

public sealed class PostgresMemberScrollTests(PostgresFactory factory) : MemberScrollTests<PostgresFactory>(factory);
