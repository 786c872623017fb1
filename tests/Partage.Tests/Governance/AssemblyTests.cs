using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Infrastructure.Mail;
using Partage.App.Modules.Governance;
using Partage.App.Modules.Governance.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Governance;

/// <summary>An assembly from the convocation to the minutes: proxies and their limit, online and in-room votes, a double vote, a vote after closing, a secret ballot; on both databases.</summary>
public abstract class AssemblyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    [Fact]
    public async Task Convened_Voted_Closed_WeightedResultsAndMinutes()
    {
        var world = await Ledger.Books.OpenAsync(factory);
        var governance = await factory.ActorAsync(World.Governance);
        var (lille, paris) = (await factory.ActorAsync(World.LilleMemberEmail), await factory.ActorAsync(World.ParisMemberEmail));

        // Six shareholders: two in each college (A: categories 1-3 and 5, B: 4, C: 6-9).
        async Task<ShareholderView> AdmitAsync(ApplyForSharesInput input, Actor actor) => await factory.InScopeAsync(async s =>
            await s.GetRequiredService<DecideApplication>().HandleAsync((await s.GetRequiredService<ApplyForShares>().HandleAsync(input, actor)).Id,
                new DecideApplicationInput(true, "Conseil d'administration du 20/11/2026", PaidInFull: true), governance));
        var lilleHolder = await AdmitAsync(new ApplyForSharesInput(PaysByDeduction: false), lille);
        var parisHolder = await AdmitAsync(new ApplyForSharesInput(MemberId: world.ParisMember.ToString(), Category: "4", Shares: "1"), governance);
        var partners = new List<ShareholderView>();
        foreach (var (name, category) in new[] { ("Région Hauts-de-France", "6"), ("Ville de Lille", "7"), ("Collectif Sons", "1"), ("Marc Régisseur", "4") })
        {
            partners.Add(await AdmitAsync(new ApplyForSharesInput(Name: name, Email: $"{name.Split(' ')[0].ToLowerInvariant()}@partenaire.test", Category: category, Shares: "2"), governance));
        }

        var today = factory.Today;
        string At(int days, int hour) => today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + $"T{hour:D2}:00";
        var created = await factory.InScopeAsync(s => s.GetRequiredService<CreateAssembly>().HandleAsync(
            new CreateAssemblyInput("SCIC", "Extraordinary", "Assemblée générale mixte 2026", "Maison de la coopération, Lille", At(20, 18), At(2, 9), At(20, 20)), governance));
        var id = created.Id;
        await factory.InScopeAsync(s => s.GetRequiredService<AddResolution>().HandleAsync(id, new AddResolutionInput("Approbation des comptes", "L'assemblée approuve les comptes de l'exercice."), governance));
        var withBoth = await factory.InScopeAsync(s => s.GetRequiredService<AddResolution>().HandleAsync(id,
            new AddResolutionInput("Modification des statuts", "L'assemblée porte à 40 € la valeur nominale de la part.", "Extraordinary", Secret: true), governance));
        var (accounts, statutes) = (withBoth.Resolutions[0].Id, withBoth.Resolutions[1].Id);

        // The accounts go with their resolution: a PDF, nothing else.
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
        var notPdf = await Assert.ThrowsAsync<InputValidationException>(() => factory.InScopeAsync(s => s.GetRequiredService<AttachResolutionDocument>()
            .HandleAsync(id, accounts, "comptes.exe", [0x4D, 0x5A, 0x90, 0x00], governance)));
        Assert.Contains("est un PDF", string.Join(" ", notPdf.Errors["File"]), StringComparison.Ordinal);
        var attached = await factory.InScopeAsync(s => s.GetRequiredService<AttachResolutionDocument>().HandleAsync(id, accounts, "Comptes 2026.pdf", pdf, governance));
        var document = Assert.Single(attached.Resolutions[0].Documents);
        Assert.Equal("Comptes 2026.pdf", document.Name);

        // Convened: the roll is fixed; every shareholder is written to, with the PDF; members also get a notice.
        var convened = await factory.InScopeAsync(s => s.GetRequiredService<ConveneAssembly>().HandleAsync(id, governance));
        Assert.Equal((AssemblyStatus.Convened, 6), (convened.Status, convened.Eligible));
        Assert.Equal([2, 2, 2], convened.Turnout.Select(t => t.Eligible));
        var mails = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.AttachmentName == $"convocation-{convened.Number}.pdf").Select(m => m.To).ToListAsync());
        Assert.Contains("région@partenaire.test", mails);
        Assert.Contains(World.LilleMemberEmail, mails);
        Assert.Equal(GovernanceErrors.AssemblyWrongStatus, (await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<AddResolution>()
            .HandleAsync(id, new AddResolutionInput("Tardive", "Trop tard."), governance)))).Error);
        var convocation = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.To == World.LilleMemberEmail && m.AttachmentName == $"convocation-{convened.Number}.pdf").Select(m => m.Attachment!).SingleAsync());
        Assert.Contains("Comptes 2026.pdf", Poppler.Text(convocation), StringComparison.Ordinal);
        // Those convened read the document; others do not see it.
        Assert.Equal(pdf, (await factory.InScopeAsync(s => s.GetRequiredService<AttachResolutionDocument>().ReadAsync(id, document.Id, lille))).Content);
        var outsider = await factory.ActorAsync(World.Employer);
        await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<AttachResolutionDocument>().ReadAsync(id, document.Id, outsider)));

        // Before the window opens, no vote.
        var both = new Dictionary<string, string> { [accounts.ToString()] = "For", [statutes.ToString()] = "For" };
        Assert.Equal(GovernanceErrors.VotingClosed, (await Assert.ThrowsAsync<DomainException>(() => Vote(id, new CastVoteInput(both), lille))).Error);
        factory.Clock.Advance(TimeSpan.FromDays(3));

        // Proxies: two to the Paris member; a third is over the statutes' limit.
        await GiveProxyAsync(id, partners[0].Id, parisHolder.Id, governance);
        await GiveProxyAsync(id, partners[1].Id, parisHolder.Id, governance);
        var third = await Assert.ThrowsAsync<DomainException>(() => GiveProxyAsync(id, partners[2].Id, parisHolder.Id, governance));
        Assert.Equal(GovernanceErrors.ProxyRefused, third.Error);
        Assert.Contains("au plus", third.Message, StringComparison.Ordinal);

        // The Lille member votes once; the same vote sent twice at once is counted once; again later, 409 over HTTP.
        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Attempt(() => Vote(id, new CastVoteInput(both), lille))));
        Assert.Single(attempts, a => a is null);
        Assert.Single(attempts, a => a is DomainException { Error.Code: "governance.already_voted" });
        using (var client = await factory.ClientForAsync(World.LilleMemberEmail))
        {
            var again = await client.PostAsJsonAsync($"/api/v1/assemblies/{id}/votes", new CastVoteInput(both));
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Contains("une fois", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The Paris member votes for herself and her two proxies; a partner votes in the room (abstains, then a blank ballot).
        var receipt = await Vote(id, new CastVoteInput(new Dictionary<string, string> { ["1"] = "Against", ["2"] = "For" }), paris);
        Assert.Equal(3, receipt.Voices);
        await Vote(id, new CastVoteInput(new Dictionary<string, string> { ["1"] = "Abstain", ["2"] = "Blank" }, partners[3].Id.ToString()), governance);
        var live = await factory.InScopeAsync(s => s.GetRequiredService<GetAssembly>().HandleAsync(id, governance));
        Assert.Equal([1, 2, 2], live.Turnout.Select(t => t.Present));
        Assert.All(live.Resolutions, r => Assert.Null(r.Result));   // no result before the close

        // Closed: no vote after; the results per college and weighted.
        var closed = await factory.InScopeAsync(s => s.GetRequiredService<CloseAssembly>().HandleAsync(id, governance));
        Assert.Equal(GovernanceErrors.VotingClosed, (await Assert.ThrowsAsync<DomainException>(() =>
            Vote(id, new CastVoteInput(new Dictionary<string, string> { ["1"] = "For", ["2"] = "For" }, partners[2].Id.ToString()), governance))).Error);

        // Accounts (ordinary): A 1 for = 100 %, B 0 for of 1 cast (an abstention) = 0 %, C 2 against = 0 % → 50 %: not more than half.
        var first = closed.Resolutions[0].Result!;
        Assert.Equal([(1, 0, 0, 0), (0, 1, 1, 0), (0, 2, 0, 0)], first.Colleges.Select(c => (c.For, c.Against, c.Abstain, c.Blank)));
        Assert.Equal((50m, false), (first.WeightedForPercent, first.Adopted));
        // Statutes (extraordinary, secret): every college 100 % for (the blank ballot is not cast) → adopted.
        var second = closed.Resolutions[1].Result!;
        Assert.Equal([(1, 0, 0, 0), (1, 0, 0, 1), (2, 0, 0, 0)], second.Colleges.Select(c => (c.For, c.Against, c.Abstain, c.Blank)));
        Assert.Equal((100m, true), (second.WeightedForPercent, second.Adopted));

        var (_, minutes) = await factory.InScopeAsync(s => s.GetRequiredService<GetAssembly>().DocumentAsync(id, minutes: true, governance));
        var text = Poppler.Text(minutes);
        Assert.Contains("Résolution 1 — Approbation des comptes : Rejetée", text, StringComparison.Ordinal);
        Assert.Contains("Résolution 2 — Modification des statuts : Adoptée", text, StringComparison.Ordinal);
        Assert.Contains("bulletin secret", text, StringComparison.Ordinal);

        // Who may see it: a member convened, yes (with her voice); an employer, not (404).
        var seen = await factory.InScopeAsync(s => s.GetRequiredService<GetAssembly>().HandleAsync(id, lille));
        Assert.True(seen.Me!.Self.Voted);
        var employer = await factory.ActorAsync(World.Employer);
        Assert.Equal(GovernanceErrors.AssemblyNotFound, (await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<GetAssembly>().HandleAsync(id, employer)))).Error);

        // The secret ballot left no vote by name; the open one did, for each voice.
        var named = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<OpenVote>().AsNoTracking().GroupBy(v => v.ResolutionId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal(5, named.Single(n => n.Key == accounts).Count);
        Assert.DoesNotContain(named, n => n.Key == statutes);
    }

    /// <summary>
    /// The secret ballot is stored apart from the voter: the ballot box (counts) has no column that names, numbers or
    /// dates a voter, and the roll has no column about a resolution or a choice; the only table linking a shareholder to
    /// a choice holds open resolutions' votes. So no query can join a secret ballot to its voter.
    /// </summary>
    [Fact]
    public void SecretBallots_TheSchemaHoldsNoLinkBetweenABallotAndItsVoter()
    {
        using var scope = factory.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<PartageDbContext>().Model;
        var box = model.FindEntityType(typeof(BallotCount))!;
        Assert.Equal(["Choice", "College", "Count", "ResolutionId"], box.GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(box.GetForeignKeys(), fk => Assert.Equal(typeof(Resolution), fk.PrincipalEntityType.ClrType));
        var roll = model.FindEntityType(typeof(AssemblyVoter))!;
        Assert.DoesNotContain(roll.GetProperties(), p => p.Name.Contains("Resolution", StringComparison.Ordinal) || p.Name.Contains("Choice", StringComparison.Ordinal));
        var linking = model.GetEntityTypes().Where(e => e.GetProperties().Any(p => p.ClrType == typeof(VoteChoice)) && e.GetProperties().Any(p => p.ClrType == typeof(ShareholderId)));
        Assert.Equal([typeof(OpenVote)], linking.Select(e => e.ClrType));
    }

    private Task<VoteReceipt> Vote(AssemblyId id, CastVoteInput input, Actor actor) => factory.InScopeAsync(s => s.GetRequiredService<CastVote>().HandleAsync(id, input, actor));

    private Task<AssemblyView> GiveProxyAsync(AssemblyId id, ShareholderId from, ShareholderId to, Actor actor) =>
        factory.InScopeAsync(s => s.GetRequiredService<GiveProxy>().HandleAsync(id, new GiveProxyInput(to.ToString(), from.ToString()), actor));

    private static async Task<Exception?> Attempt(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (DomainException e)
        {
            return e;
        }
    }
}

public sealed class SqliteAssemblyTests(December2026Factory factory) : AssemblyTests<December2026Factory>(factory);

public sealed class PostgresAssemblyTests(PostgresDecember2026Factory factory) : AssemblyTests<PostgresDecember2026Factory>(factory);
