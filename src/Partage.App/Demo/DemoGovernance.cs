using System.Text.Json;
using Bogus;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Database;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Governance;
using Partage.App.Modules.Governance.Features;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Demo;

/// <summary>
/// The SCIC's register in the proportions of the 2016 report (shareholders by category, scaled to the demo's
/// coordinators: every member with an activity holds 3 shares), taken over from before Partage with one opening entry
/// for its capital; last spring's ordinary assembly, closed with its results; and this year's, convened, its vote open,
/// so that the demo member can vote. The demo member's own shares are still being paid from their wages.
/// </summary>
public sealed class DemoGovernance(
    PartageDbContext db, ShareRegister register, NumberSeries numbers, ILedgerApi ledger, CreateAssembly create, AddResolution resolutions, ConveneAssembly convene, TimeProvider clock)
{
    private static readonly Actor Staff = new(null, "Gouvernance (démonstration)", new HashSet<string> { Roles.Governance }, null, null);

    public async Task SeedAsync(Faker faker, string demoMemberEmail, CancellationToken ct = default)
    {
        if (await db.Set<Shareholder>().AnyAsync(ct))
        {
            return;
        }

        var scic = LegalEntitiesReferenceData.Scic;
        var today = clock.Today();
        var coordinators = await db.Set<Member>().AsNoTracking().Where(m => db.Set<Activity>().Any(a => a.MemberId == m.Id))
            .OrderBy(m => m.Number).Select(m => new { m.Id, m.FirstName, m.LastName, m.Email, m.CreatedAt }).ToListAsync(ct);
        var report = Report2016();
        var total = (int)Math.Round(coordinators.Count * (double)report.Values.Sum() / report[1], MidpointRounding.AwayFromZero);
        var nominal = await register.NominalCentsAsync(scic, today, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (paid, unpaid) = (0L, 0L);
        var movements = new List<(Shareholder Holder, MovementRequest Movement)>();
        foreach (var c in coordinators)
        {
            var demo = c.Email == demoMemberEmail;
            var admitted = demo ? today.AddDays(-20) : ParisTime.DateOf(c.CreatedAt) < today.AddYears(-1) ? ParisTime.DateOf(c.CreatedAt) : today.AddDays(-faker.Random.Int(30, 700));
            var payments = demo ? 1 : admitted < new DateOnly(today.Year, 1, 1) ? 3 : faker.Random.Int(0, 3);
            var (p, u) = await HolderAsync(new Shareholder { MemberId = c.Id, Name = $"{c.FirstName} {c.LastName}", Category = Statutes.Coordinators, PaysByDeduction = true }, admitted, 3, payments, nominal, movements, ct);
            (paid, unpaid) = (paid + p, unpaid + u);
        }

        foreach (var (category, count) in report.Where(r => r.Key != Statutes.Coordinators))
        {
            // Each category at its 2016 share of the register; one at least where the report counts any.
            for (var i = 0; i < (count == 0 ? 0 : Math.Max(1, (int)Math.Round((double)total * count / report.Values.Sum(), MidpointRounding.AwayFromZero))); i++)
            {
                var name = category is 4 ? faker.Name.FullName() : faker.Company.CompanyName();
                var shares = category is 3 or 4 ? 1 : faker.Random.Int(5, 40);
                var (p, _) = await HolderAsync(new Shareholder { Name = name, Email = $"contact{faker.Random.Int(100, 999)}@{faker.Internet.DomainWord()}.example", Category = category },
                    today.AddDays(-faker.Random.Int(400, 3000)), shares, shares, nominal, movements, ct);
                paid += p;
            }
        }

        // The register is chronological: the movements taken over are numbered in the order of their dates.
        foreach (var (holder, movement) in movements.OrderBy(m => m.Movement.On).ThenBy(m => m.Holder.Number))
        {
            await register.RecordAsync(holder, movement, Staff, ct, posted: false);
        }

        await db.SaveChangesAsync(ct);
        await PastAssemblyAsync(faker, scic, today, ct);
        await ledger.PostAsync(new PostEntryRequest(scic, "OD", new DateOnly(today.Year, 1, 1), "Reprise du registre des parts sociales", "share_register", "opening", $"demo:share-register:{today.Year}",
        [
            new PostingLine(await ledger.AccountAsync(scic, ChartOfAccounts.Bank, ct), Side.Debit, Money.Eur(paid)),
            new PostingLine(await ledger.AccountAsync(scic, "1013", ct), Side.Credit, Money.Eur(paid)),
            new PostingLine(await ledger.AccountAsync(scic, "109", ct), Side.Debit, Money.Eur(unpaid)),
            new PostingLine(await ledger.AccountAsync(scic, "1011", ct), Side.Credit, Money.Eur(unpaid)),
        ]), Actor.System, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        await OpenAssemblyAsync(today, ct);
    }

    /// <summary>A shareholder admitted on a day with their subscription and the shares paid since, taken over without entries; returns the capital paid and unpaid.</summary>
    private async Task<(long Paid, long Unpaid)> HolderAsync(
        Shareholder s, DateOnly admitted, int shares, int paidShares, long nominal, List<(Shareholder, MovementRequest)> movements, CancellationToken ct)
    {
        // A payment is never dated after today: a recent shareholder has paid the months since their admission at most.
        paidShares = Enumerable.Range(0, paidShares).Count(i => admitted.AddMonths(i) <= clock.Today());
        var holder = new Shareholder
        {
            Id = TypedId.New<ShareholderId>(), LegalEntityId = LegalEntitiesReferenceData.Scic, MemberId = s.MemberId, Name = s.Name, Email = s.Email, Category = s.Category,
            Status = ShareholderStatus.Admitted, AppliedOn = admitted.AddDays(-10), AdmittedOn = admitted, RequestedShares = shares, PaysByDeduction = s.PaysByDeduction && paidShares < shares,
            Decision = $"Conseil d'administration du {admitted:dd/MM/yyyy}", Number = await numbers.NextAsync("shareholders:SCIC", ct), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(holder);
        db.Add(new ShareholderCategoryChange { ShareholderId = holder.Id, Category = holder.Category, From = admitted, RecordedBy = Staff.Name });
        movements.Add((holder, new MovementRequest(ShareMovementKind.Subscription, admitted, shares, shares * nominal, 0, Decision: holder.Decision)));
        movements.AddRange(Enumerable.Range(0, paidShares).Select(i => (holder, new MovementRequest(ShareMovementKind.Payment, admitted.AddMonths(i), 0, 0, nominal, PaymentMeans.Bank))));

        return (paidShares * nominal, (shares - paidShares) * nominal);
    }

    /// <summary>Last May's ordinary assembly: closed, its turnout about a third, each college's counts drawn so that the three resolutions pass.</summary>
    private async Task PastAssemblyAsync(Faker faker, LegalEntityId scic, DateOnly today, CancellationToken ct)
    {
        var held = new DateOnly(today.Month > 5 ? today.Year : today.Year - 1, 5, 16);
        var meeting = ParisTime.UtcStartOf(held).AddHours(18);
        var assembly = new Assembly
        {
            Id = TypedId.New<AssemblyId>(), LegalEntityId = scic, Number = $"AG-SCIC-{held.Year}-{await numbers.NextAsync($"assemblies:SCIC:{held.Year}", ct):D2}", Kind = AssemblyKind.Ordinary,
            Title = $"Assemblée générale ordinaire {held.Year}", Place = "Maison de la coopération, Lille", MeetingAt = meeting, VotingOpensAt = meeting.AddDays(-7), VotingClosesAt = meeting.AddHours(3),
            Status = AssemblyStatus.Closed, CreatedAt = meeting.AddDays(-40), ConvenedAt = meeting.AddDays(-30), ConvenedBy = Staff.Name, ClosedAt = meeting.AddHours(3), ClosedBy = Staff.Name,
            RollDate = held.AddDays(-30),
        };
        db.Add(assembly);
        var texts = new[]
        {
            ("Approbation des comptes", $"L'assemblée approuve les comptes de l'exercice {held.Year - 1}."),
            ("Affectation du résultat", "L'assemblée affecte le résultat aux réserves impartageables."),
            ("Admission des nouveaux sociétaires", "L'assemblée ratifie les admissions décidées par le conseil d'administration."),
        };
        var roll = await db.Set<Shareholder>().AsNoTracking().Where(s => s.LegalEntityId == scic && s.AdmittedOn <= assembly.RollDate).ToListAsync(ct);
        var colleges = Statutes.CollegesOn("SCIC", held);
        var voters = roll.Select(s => new AssemblyVoter
        {
            AssemblyId = assembly.Id, ShareholderId = s.Id, MemberId = s.MemberId, Name = s.Name, Category = s.Category, College = Statutes.CollegeOf("SCIC", s.Category, held).Code,
            VotedAt = faker.Random.Double() < 0.35 ? meeting.AddMinutes(-faker.Random.Int(10, 9000)) : null,
        }).ToList();
        foreach (var voter in voters.Where(v => v.VotedAt is not null))
        {
            voter.CastBy = "en ligne";
        }

        db.AddRange(voters);
        for (var n = 0; n < texts.Length; n++)
        {
            var resolution = new Resolution { AssemblyId = assembly.Id, Number = n + 1, Title = texts[n].Item1, Text = texts[n].Item2, Kind = ResolutionKind.Ordinary, Secret = n == 2 };
            db.Add(resolution);
            foreach (var college in colleges)
            {
                var present = voters.Count(v => v.College == college.Code && v.VotedAt is not null);
                var against = present / 8;
                var abstain = present / 12;
                var counts = new Dictionary<VoteChoice, int> { [VoteChoice.For] = present - against - abstain, [VoteChoice.Against] = against, [VoteChoice.Abstain] = abstain, [VoteChoice.Blank] = 0 };
                db.AddRange(counts.Select(c => new BallotCount { ResolutionId = resolution.Id, College = college.Code, Choice = c.Key, Count = c.Value }));
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>This year's assembly, convened for three weeks ahead, its remote vote open since yesterday.</summary>
    private async Task OpenAssemblyAsync(DateOnly today, CancellationToken ct)
    {
        static string At(DateOnly day, int hour) => $"{day:yyyy-MM-dd}T{hour:D2}:00";
        var assembly = await create.HandleAsync(new CreateAssemblyInput("SCIC", "Extraordinary", $"Assemblée générale mixte {today.Year}", "Maison de la coopération, Lille",
            At(today.AddDays(21), 18), At(today.AddDays(-1), 9), At(today.AddDays(21), 21)), Staff, ct);
        await resolutions.HandleAsync(assembly.Id, new AddResolutionInput("Approbation du budget prévisionnel", "L'assemblée approuve le budget prévisionnel de l'exercice à venir."), Staff, ct);
        await resolutions.HandleAsync(assembly.Id, new AddResolutionInput("Collège des partenaires", "L'assemblée modifie les statuts pour ouvrir le collège des partenaires aux collectivités territoriales.",
            "Extraordinary", Secret: true), Staff, ct);
        await convene.HandleAsync(assembly.Id, Staff, ct);
    }

    private static Dictionary<int, int> Report2016()
    {
        using var stream = typeof(DemoGovernance).Assembly.GetManifestResourceStream("Partage.App.Demo.annual-report-2016.json")
            ?? throw new InvalidOperationException("annual-report-2016.json is not embedded.");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("shareholders_2016_12_31").GetProperty("by_category").EnumerateObject()
            .ToDictionary(p => int.Parse(p.Name.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture), p => p.Value.GetInt32());
    }
}
