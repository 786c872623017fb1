using Bogus;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Database;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Leasing;
using Partage.App.Modules.Leasing.Features;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Demo;

/// <summary>
/// Leases in every state: the demo member's camera, bought in the spring and repaid from the budget (with a signed
/// mandate), and their laptop request waiting for the manager; other members' requests, a refusal, an approval waiting
/// for its purchase, leases running (one in arrears), a payoff, a transfer at the end, a default. The history lies
/// within the current fiscal year (the only one the demo opens): instalments that fell due were collected on their
/// day, from the budget when it covered them.
/// </summary>
public sealed class DemoLeasing(
    PartageDbContext db, NumberSeries numbers, ILedgerApi ledger, LeasePostings postings, ILegalEntitiesApi entities, PayOffLease payOff, EndLease end,
    DeclareLeaseDefault declareDefault, TimeProvider clock)
{
    private static readonly Actor Finance = new(null, "Finance (démonstration)", new HashSet<string> { Roles.Finance }, null, null);

    private sealed record Candidate(ActivityId Id, MemberId MemberId, OfficeId OfficeId, LegalEntityId LegalEntityId, string Email, string Name);

    public async Task SeedAsync(Faker faker, string demoMemberEmail, CancellationToken ct = default)
    {
        if (await db.Set<Lease>().AnyAsync(ct))
        {
            return;
        }

        var candidates = await (from a in db.Set<Activity>().AsNoTracking()
                                join m in db.Set<Member>().AsNoTracking() on a.MemberId equals m.Id
                                where a.Status == ActivityStatus.Active
                                orderby m.Number, a.Name
                                select new Candidate(a.Id, a.MemberId, a.OfficeId, a.LegalEntityId, m.Email, m.FirstName + " " + m.LastName)).Take(500).ToListAsync(ct);
        var mine = candidates.FirstOrDefault(c => c.Email == demoMemberEmail);
        // The running leases go to the activities with the most money, so that their instalments were met as they fell due.
        var budgets = await ledger.BudgetsAsync(candidates.Select(c => c.Id).ToList(), ct);
        var others = faker.Random.Shuffle(candidates.Where(c => c.Email != demoMemberEmail).OrderByDescending(c => budgets[c.Id].Available).Take(11)).ToList();
        if (mine is null || others.Count < 11)
        {
            return;
        }

        await LeaseAsync(mine, "Caméra Sony FX3 et deux objectifs", "video", "Phototech Lille", 240_000, 24, LeaseStatus.Active, monthsAgo: 8, mandate: true);
        await LeaseAsync(mine, "Ordinateur portable de montage (32 Go)", "computer", "Boulanger Pro", 189_000, 18, LeaseStatus.Requested, 0);
        string[] gear = ["Console de mixage Yamaha TF1", "Projecteurs LED et pupitre DMX", "Contrebasse d'atelier", "Enceintes actives et pieds", "Boîtier photo et flash"];
        string[] kinds = ["audio", "lighting", "instrument", "audio", "video"];
        var plan = new (LeaseStatus Status, int MonthsAgo, bool Arrears)[]
        {
            (LeaseStatus.Requested, 0, false), (LeaseStatus.Requested, 0, false), (LeaseStatus.Refused, 0, false), (LeaseStatus.Approved, 0, false),
            (LeaseStatus.Active, 10, false), (LeaseStatus.Active, 6, false), (LeaseStatus.Active, 3, false), (LeaseStatus.Active, 7, true),
            (LeaseStatus.PaidOff, 5, false), (LeaseStatus.Ended, 9, false), (LeaseStatus.Defaulted, 8, true),
        };
        for (var i = 0; i < plan.Length; i++)
        {
            var (status, monthsAgo, arrears) = plan[i];
            var price = Math.Clamp(budgets[others[i].Id].Available.Cents / 4 / 10_000, 8, 60) * 10_000;
            var lease = await LeaseAsync(others[i], gear[i % gear.Length], kinds[i % kinds.Length], faker.Company.CompanyName(), price, faker.PickRandom(12, 24, 36),
                status, monthsAgo, mandate: i % 2 == 0, arrears);
            await CloseAsync(lease, status, ct);
        }
    }

    // Long method: one lease written as its history would have left it, each state's fields and postings in the order they happen.
    private async Task<LeaseId> LeaseAsync(Candidate c, string description, string kind, string supplier, long priceCents, int months, LeaseStatus status, int monthsAgo, bool mandate = false, bool arrears = false)
    {
        var today = clock.Today();
        var yearStart = new DateOnly(today.Year, 1, 5);
        var bought = Max(today.AddMonths(-monthsAgo), yearStart);
        var code = (await entities.CodesAsync())[c.LegalEntityId];
        await using var transaction = await db.Database.BeginTransactionAsync();
        var lease = new Lease
        {
            Id = LeaseId.From(Guid.CreateVersion7()), Number = $"LOC-{code}-{today.Year}-{await numbers.NextAsync($"leases:{code}:{today.Year}"):D6}",
            LegalEntityId = c.LegalEntityId, ActivityId = c.Id, MemberId = c.MemberId, OfficeId = c.OfficeId, Status = LeaseStatus.Requested, Description = description,
            Kind = kind, Supplier = supplier, PriceExclVatCents = priceCents, PriceInclVatCents = priceCents * 12 / 10, WishedMonths = months,
            RequestedOn = status is LeaseStatus.Requested or LeaseStatus.Refused or LeaseStatus.Approved ? today.AddDays(-3) : Max(bought.AddDays(-20), yearStart.AddDays(-4)),
            RequestedBy = c.Name, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(lease);
        if (status == LeaseStatus.Refused)
        {
            (lease.Status, lease.RefusalReason, lease.ClosedOn) = (LeaseStatus.Refused, "Le budget de l'activité ne permet pas encore une mensualité de ce montant : reparlons-en au prochain trimestre.", today);
        }
        else if (status != LeaseStatus.Requested)
        {
            var approved = status == LeaseStatus.Approved ? today.AddDays(-1) : Max(bought.AddDays(-7), yearStart.AddDays(-3));
            lease.Terms = new LeaseTerms
            {
                Months = months, AnnualRatePercent = LeasingTerms.Number(LeasingTerms.AnnualRatePercent, approved), MonthlyFeeCents = (long)LeasingTerms.Number(LeasingTerms.MonthlyFeeCents, approved),
                FirstDueOn = status == LeaseStatus.Approved ? today.AddDays(25) : bought.AddMonths(1), ApprovedOn = approved, ApprovedBy = "Gestionnaire (démonstration)",
            };
            lease.Terms.DueDay = lease.Terms.FirstDueOn.Day;
            lease.Status = LeaseStatus.Approved;
            if (mandate)
            {
                lease.Mandate = new DirectDebitMandate { Reference = $"{lease.Number}-M1", DebtorName = c.Name, Iban = "FR1420041010050500013M02606", SignedOn = approved };
            }

            if (status != LeaseStatus.Approved)
            {
                await BuyAsync(lease, bought, arrears, today);
            }
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return lease.Id;
    }

    /// <summary>The purchase posted on its day, the schedule written, and every instalment due by today collected on its day (or left unpaid).</summary>
    private async Task BuyAsync(Lease lease, DateOnly bought, bool arrears, DateOnly today)
    {
        var kind = LeasingTerms.Kind(lease.Kind, bought)!;
        var invoice = $"FA-{bought:yyMMdd}-{lease.Number[^4..]}";
        var entry = await postings.PurchaseAsync(lease, kind, invoice, bought, Money.Eur(lease.PriceExclVatCents), Money.Eur(lease.PriceExclVatCents / 5), $"lease:{lease.Id}:purchase", Finance, default);
        lease.Purchase = new LeasePurchase
        {
            InvoiceNumber = invoice, InvoiceDate = bought, AmountExclVatCents = lease.PriceExclVatCents, VatCents = lease.PriceExclVatCents / 5, AssetAccount = kind.Account,
            UsefulLifeYears = kind.UsefulLifeYears, EntryId = entry.Id,
        };
        lease.Status = LeaseStatus.Active;
        var available = (await ledger.BudgetAsync(lease.ActivityId)).Available.Cents;
        foreach (var row in LeaseSchedule.Compute(lease.FinancedCents, lease.Terms!.Months, lease.Terms.AnnualRatePercent, lease.Terms.MonthlyFeeCents, lease.Terms.Dates))
        {
            var line = new LeaseInstalment
            {
                LeaseId = lease.Id, Number = row.Number, DueOn = row.DueOn, AmountCents = row.InstalmentCents, InterestCents = row.InterestCents, CapitalCents = row.CapitalCents,
                RemainingCents = row.RemainingCents, Status = InstalmentStatus.Due,
            };
            if (row.DueOn <= today)
            {
                if ((arrears && row.DueOn > today.AddMonths(-3)) || available < row.InstalmentCents)
                {
                    line.Status = InstalmentStatus.Unpaid;
                }
                else
                {
                    var taken = await postings.FromBudgetAsync(lease, Money.Eur(row.InstalmentCents), row.DueOn, $"{lease.Number} : échéance {row.Number}", $"lease-instalment:{line.Id}:budget", Finance, default);
                    (line.Status, line.CollectedOn, line.EntryId) = (InstalmentStatus.Paid, row.DueOn, taken.Id);
                    available -= row.InstalmentCents;
                }
            }

            db.Add(line);
        }
    }

    /// <summary>The leases that ended today go through the same steps staff take: payoff, the transfer after it, the default.</summary>
    private async Task CloseAsync(LeaseId lease, LeaseStatus status, CancellationToken ct)
    {
        try
        {
            if (status is LeaseStatus.PaidOff or LeaseStatus.Ended)
            {
                await payOff.HandleAsync(lease, Finance, ct);
            }

            if (status == LeaseStatus.Ended)
            {
                await end.HandleAsync(lease, Finance, ct);
            }

            if (status == LeaseStatus.Defaulted)
            {
                await declareDefault.HandleAsync(lease, new DeclareLeaseDefaultInput("Matériel rapporté à l'antenne par le membre, complet et en bon état."), Finance, ct);
            }
        }
        catch (DomainException)
        {
            // A budget too short for the payoff, or fewer unpaid instalments than the threshold this early in the year: the lease stays running.
            db.ChangeTracker.Clear();
        }
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
