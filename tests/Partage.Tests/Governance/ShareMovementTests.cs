using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Infrastructure;
using Partage.App.Modules.Governance;
using Partage.App.Modules.Governance.Features;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Governance;

/// <summary>The register's other movements — a transfer, a category change, a leaving and its redemption — with their certificates, the register at a date and its CSV; on both databases.</summary>
public abstract class ShareMovementTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    [Fact]
    public async Task Transfer_CategoryChange_Leaving_RedemptionAfterTheDelay_RegisterAtAnyDate()
    {
        await OpenAsync(factory);
        var governance = await factory.ActorAsync(World.Governance);
        async Task<ShareholderView> Admit(string name, string category, string shares, bool paid) => await factory.InScopeAsync(async s =>
            await s.GetRequiredService<DecideApplication>().HandleAsync((await s.GetRequiredService<ApplyForShares>().HandleAsync(
                new ApplyForSharesInput(Name: name, Email: null, Category: category, Shares: shares), governance)).Id, new DecideApplicationInput(true, "CA du 20/11/2026", PaidInFull: paid), governance));
        var region = await Admit("Région Hauts-de-France", "7", "10", paid: true);
        var festival = await Admit("Festival des Arts", "9", "4", paid: false);
        Assert.Equal((Money.Eur(30_000), Money.Eur(30_000)), (region.Subscribed, region.Paid));

        // Half paid by transfer; more than owed is refused.
        var partly = await factory.InScopeAsync(s => s.GetRequiredService<PayShares>().HandleAsync(festival.Id, new PaySharesInput("60,00"), governance));
        Assert.Equal(Money.Eur(6_000), partly.Unpaid);
        var backdated = await Assert.ThrowsAsync<InputValidationException>(() => factory.InScopeAsync(s => s.GetRequiredService<PayShares>()
            .HandleAsync(festival.Id, new PaySharesInput("10", factory.Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), governance)));
        Assert.Contains("chronologique", string.Join(" ", backdated.Errors["On"]), StringComparison.Ordinal);
        Assert.Equal(GovernanceErrors.Overpaid, (await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<PayShares>()
            .HandleAsync(festival.Id, new PaySharesInput("60,01"), governance)))).Error);

        // A transfer of paid shares, to the receiver's register number; more than the paid ones is refused.
        var transferred = await factory.InScopeAsync(s => s.GetRequiredService<TransferShares>().HandleAsync(region.Id,
            new TransferSharesInput(festival.Number!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "2", "CA du 25/11/2026"), governance));
        Assert.Equal((8, Money.Eur(24_000)), (transferred.Shares, transferred.Paid));
        Assert.Equal(GovernanceErrors.NotEnoughShares, (await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<TransferShares>()
            .HandleAsync(festival.Id, new TransferSharesInput(region.Id.ToString(), "5", "CA"), governance)))).Error);
        var admittedOn = factory.Today;
        factory.Clock.Advance(TimeSpan.FromDays(1));   // a category changes from a day after the last one
        var moved = await factory.InScopeAsync(s => s.GetRequiredService<ChangeCategory>().HandleAsync(festival.Id, new ChangeCategoryInput("8"), governance));
        Assert.Equal(8, moved.Category);

        // The register on the day: both there, with the festival's six shares in category 8 now, and its CSV line.
        var today = factory.Today;
        var registerToday = await factory.InScopeAsync(s => s.GetRequiredService<GetShareRegister>().HandleAsync("SCIC", today, governance));
        Assert.Equal(6, registerToday.Lines.Single(l => l.Id == festival.Id).Shares);
        Assert.Equal(8, registerToday.Lines.Single(l => l.Id == festival.Id).Category);
        Assert.Equal(registerToday.Capital, Money.Eur(registerToday.ByCategory.Sum(c => c.Capital.Cents)));
        var csv = System.Text.Encoding.UTF8.GetString(await factory.InScopeAsync(s => s.GetRequiredService<GetShareRegister>().CsvAsync("SCIC", today, governance)));
        Assert.Contains($"8;Partenaires professionnels et qualifiés;{registerToday.ByCategory.Single(c => c.Category == 8).Shareholders};{registerToday.ByCategory.Single(c => c.Category == 8).Shares};", csv, StringComparison.Ordinal);
        // The day before their admission, neither was a shareholder.
        var before = await factory.InScopeAsync(s => s.GetRequiredService<GetShareRegister>().HandleAsync("SCIC", admittedOn.AddDays(-1), governance));
        Assert.DoesNotContain(before.Lines, l => l.Id == region.Id || l.Id == festival.Id);

        // The festival leaves; its shares are redeemed only after the statutes' year, with the board's approval.
        await factory.InScopeAsync(s => s.GetRequiredService<LeaveCooperative>().HandleAsync(festival.Id, new LeaveCooperativeInput("Resignation", "Lettre du 26/11/2026"), governance));
        Assert.Equal(GovernanceErrors.TooEarly, (await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<RedeemShares>()
            .HandleAsync(festival.Id, new RedeemSharesInput("CA du 26/11/2026"), governance)))).Error);
        Assert.Equal(GovernanceErrors.WrongStatus, (await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<PayShares>()
            .HandleAsync(festival.Id, new PaySharesInput("10"), governance)))).Error);
        var owedBefore = await factory.InScopeAsync(s => s.GetRequiredService<ILedgerApi>().BalanceAsync(LegalEntitiesReferenceData.Scic, "4567"));
        await OpenYearAsync(factory, today.Year + 1);
        factory.Clock.Advance(TimeSpan.FromDays(366));
        var redeemed = await factory.InScopeAsync(s => s.GetRequiredService<RedeemShares>().HandleAsync(festival.Id, new RedeemSharesInput("CA du 27/11/2027"), governance));
        Assert.Equal((0, Money.ZeroEur, Money.ZeroEur), (redeemed.Shares, redeemed.Subscribed, redeemed.Paid));
        // Paid 60 € + 60 € received by transfer: 120 € owed to the former shareholder; the 60 € never paid cancelled.
        var owedAfter = await factory.InScopeAsync(s => s.GetRequiredService<ILedgerApi>().BalanceAsync(LegalEntitiesReferenceData.Scic, "4567"));
        Assert.Equal(Money.Eur(-12_000), owedAfter - owedBefore);

        // Each movement has its certificate, sealed.
        var redemption = redeemed.Movements.Last();
        Assert.Equal(ShareMovementKind.Redemption, redemption.Kind);
        var (name, pdf) = await factory.InScopeAsync(s => s.GetRequiredService<GetShareholder>().CertificateAsync(redemption.Id, governance));
        Assert.Equal($"certificat-{redemption.Number}.pdf", name);
        var text = Poppler.Text(pdf);
        Assert.Contains(redemption.Seal, text.Replace("\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Festival des Arts détient 0 part", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_BadInputIsA400InWords_AnotherMembersRecordIsA404_AMemberCannotKeepTheRegister()
    {
        await OpenAsync(factory);
        using var staff = await factory.ClientForAsync(World.Governance);
        var bad = await staff.PostAsJsonAsync("/api/v1/shareholders", new { name = "X;Y", category = "12", shares = "1e9", entityCode = "LNA" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        foreach (var words in new[] { "point-virgule", "La catégorie est l'une des 9", "Le nombre de parts", "tient un registre" })
        {
            Assert.Contains(words, body, StringComparison.Ordinal);
        }

        var assembly = await staff.PostAsJsonAsync("/api/v1/assemblies", new { entityCode = "SCIC", kind = "Ordinary", title = "AG", place = "Lille", meetingAt = "32/13/2026 25:00", votingOpensAt = "2026-12-01T10:00", votingClosesAt = "2020-01-01T10:00" });
        Assert.Equal(HttpStatusCode.BadRequest, assembly.StatusCode);
        Assert.Contains("heure de Paris", await assembly.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var governance = await factory.ActorAsync(World.Governance);
        var partner = await factory.InScopeAsync(s => s.GetRequiredService<ApplyForShares>().HandleAsync(new ApplyForSharesInput(Name: "Partenaire", Category: "6", Shares: "1"), governance));
        using var member = await factory.ClientForAsync(World.LilleMemberEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/v1/shareholders/{partner.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostAsJsonAsync($"/api/v1/shareholders/{partner.Id}/decision", new { approve = true, decision = "moi" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/api/v1/share-register")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/api/v1/me/shares")).StatusCode);
        var page = await factory.InScopeAsync(s => s.GetRequiredService<SearchShareholders>().HandleAsync("SCIC", "Partenaire", null, null, new PageRequest(1, 10), governance));
        Assert.Contains(page.Items, i => i.Id == partner.Id);
        await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<SearchShareholders>().HandleAsync("SCIC", null, null, null, new PageRequest(1, 10), Actor.Anonymous)));
    }
}

public sealed class SqliteShareMovementTests(December2026Factory factory) : ShareMovementTests<December2026Factory>(factory);

public sealed class PostgresShareMovementTests(PostgresDecember2026Factory factory) : ShareMovementTests<PostgresDecember2026Factory>(factory);
