using Bogus;
using Microsoft.EntityFrameworkCore;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Ledger.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Demo;

/// <summary>
/// A year of books for the demo: the fiscal year of each entity opened with opening balances
/// (AN), then for a sample of active activities, month after month up to today: sales with VAT
/// and the cooperative's fee, payments lettered against their invoice, wages and their payment,
/// and a signed contract still to pay. Everything goes through <see cref="ILedgerApi"/>, so the
/// demo books obey the same rules as real ones.
/// </summary>
public sealed class DemoBooks(PartageDbContext db, ILedgerApi ledger, CooperativeFees fees, ListFiscalYears fiscalYears, OpenFiscalYear openYear, TimeProvider clock)
{
    /// <summary>How many activities get movements: enough to read, few enough to seed in seconds.</summary>
    public const int ActivitiesWithBooks = 120;

    private readonly Dictionary<(LegalEntityId, string), AccountId> accounts = [];

    /// <summary>The entity's standard accounts never change during a seed: each is looked up once.</summary>
    private async Task<AccountId> AccountAsync(LegalEntityId entity, string number, CancellationToken ct)
    {
        if (!accounts.TryGetValue((entity, number), out var id))
        {
            accounts[(entity, number)] = id = await ledger.AccountAsync(entity, number, ct);
        }

        return id;
    }

    public async Task SeedAsync(Faker faker, CancellationToken ct = default)
    {
        var today = clock.Today();
        var year = today.Year;
        foreach (var code in new[] { "SCIC", "LNA", "GE" })
        {
            if ((await fiscalYears.HandleAsync(code, Actor.System, ct)).Any(y => y.StartsOn.Year == year))
            {
                return;   // the books of this year were seeded already
            }

            await openYear.HandleAsync(new OpenFiscalYearInput(code, $"{year}-01-01", $"{year}-12-31"), Actor.System, ct);
        }

        foreach (var entity in ChartOfAccounts.Entities)
        {
            await OpeningBalancesAsync(entity, new DateOnly(year, 1, 1), faker, ct);
        }

        var activities = await db.Set<Activity>().AsNoTracking().Where(a => a.Status == ActivityStatus.Active)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Take(ActivitiesWithBooks).ToListAsync(ct);
        foreach (var activity in activities)
        {
            await ActivityYearAsync(activity, year, today, faker, ct);
            db.ChangeTracker.Clear();
        }
    }

    private async Task OpeningBalancesAsync(LegalEntityId entity, DateOnly date, Faker faker, CancellationToken ct)
    {
        var bank = Money.Eur(faker.Random.Long(20_000_000, 80_000_000));
        var fund = Money.Eur(bank.Cents / 5);
        await ledger.PostAsync(new PostEntryRequest(entity, "AN", date, $"À-nouveaux au {date:dd/MM/yyyy}", "opening", date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"demo:opening:{entity}:{date.Year}",
            [
                new PostingLine(await AccountAsync(entity, ChartOfAccounts.Bank, ct), Side.Debit, bank),
                new PostingLine(await AccountAsync(entity, ChartOfAccounts.GuaranteeFund, ct), Side.Credit, fund),
                new PostingLine(await AccountAsync(entity, "106", ct), Side.Credit, bank - fund),
            ]), Actor.System, ct);
    }

    private async Task ActivityYearAsync(Activity activity, int year, DateOnly today, Faker faker, CancellationToken ct)
    {
        var entity = activity.LegalEntityId;
        var bank = await AccountAsync(entity, ChartOfAccounts.Bank, ct);
        for (var month = 1; month <= 12; month++)
        {
            var invoiceDate = new DateOnly(year, month, faker.Random.Int(1, 25));
            if (invoiceDate > today || faker.Random.Double() < 0.45)
            {
                continue;
            }

            var client = faker.Random.Int(1, 60);
            var clientAccount = await ledger.AuxiliaryAccountAsync(entity, ChartOfAccounts.Clients, $"C{client:D5}", faker.Company.CompanyName(), "client", Guid.Empty, ct);
            var net = Money.Eur(faker.Random.Long(30_000, 600_000));
            var vat = net.Multiply(0.20m);
            var fee = await fees.ComputeAsync(entity, activity.ModuleCode, invoiceDate, net, ct);
            var piece = $"F-{year}-{activity.Id.Value.ToString()[..4]}-{month:D2}";
            var lines = new List<PostingLine>
            {
                new(clientAccount, Side.Debit, net, activity.Id, "Prestation"),
                new(clientAccount, Side.Debit, vat, null, "TVA"),
                new(await AccountAsync(entity, ChartOfAccounts.Services, ct), Side.Credit, net, activity.Id, "Prestation"),
                new(await AccountAsync(entity, ChartOfAccounts.VatCollected, ct), Side.Credit, vat),
            };
            lines.AddRange(await fees.LinesAsync(ledger, entity, fee, activity.Id, ct));
            var sale = await ledger.PostAsync(new PostEntryRequest(entity, "VT", invoiceDate, $"Facture {piece}", "demo-invoice", piece, $"demo:sale:{activity.Id}:{month}", lines, piece), Actor.System, ct);

            var paidOn = invoiceDate.AddDays(faker.Random.Int(10, 45));
            if (paidOn <= today && faker.Random.Double() < 0.85)
            {
                var payment = await ledger.PostAsync(new PostEntryRequest(entity, "BQ", paidOn, $"Règlement {piece}", "demo-payment", piece, $"demo:payment:{activity.Id}:{month}",
                [
                    new PostingLine(bank, Side.Debit, net + vat),
                    new PostingLine(clientAccount, Side.Credit, net, activity.Id, "Règlement"),
                    new PostingLine(clientAccount, Side.Credit, vat, null, "Règlement TVA"),
                ], piece), Actor.System, ct);
                var receivable = sale.Lines.Where(l => l.AccountId == clientAccount).Select(l => l.PostingId);
                var settled = payment.Lines.Where(l => l.AccountId == clientAccount).Select(l => l.PostingId);
                await ledger.LetterAsync(entity, receivable.Concat(settled).ToList(), paidOn, ct);
            }

            await WageAsync(activity, bank, invoiceDate, net, today, faker, ct);
        }

        if (faker.Random.Double() < 0.4)
        {
            var committed = Money.Eur(faker.Random.Long(20_000, 200_000));
            await ledger.PostAsync(new PostEntryRequest(entity, "OD", today, "Contrat signé, à payer", "demo-contract", activity.Id.ToString(), $"demo:commitment:{activity.Id}",
            [
                new PostingLine(await AccountAsync(entity, ChartOfAccounts.CommitmentsGiven, ct), Side.Debit, committed, activity.Id, "Contrat signé"),
                new PostingLine(await AccountAsync(entity, ChartOfAccounts.CommitmentsCounterpart, ct), Side.Credit, committed),
            ]), Actor.System, ct);
        }
    }

    /// <summary>The month's wage of the activity's member, posted some days after the sale and paid seven days later, within the year.</summary>
    private async Task WageAsync(Activity activity, AccountId bank, DateOnly invoiceDate, Money net, DateOnly today, Faker faker, CancellationToken ct)
    {
        var (entity, year, month) = (activity.LegalEntityId, invoiceDate.Year, invoiceDate.Month);
        var wageDay = invoiceDate.AddDays(faker.Random.Int(0, 20));
        if (wageDay <= today && wageDay.Year == year)
        {
            var gross = Money.Eur(net.Cents * faker.Random.Int(35, 55) / 100);
            var employer = gross.Multiply(0.42m);
            var employee = gross.Multiply(0.22m);
            var netWage = gross - employee;
            var payslip = $"B-{year}-{activity.Id.Value.ToString()[..4]}-{month:D2}";
            await ledger.PostAsync(new PostEntryRequest(entity, "PA", wageDay, $"Salaire {payslip}", "demo-payslip", payslip, $"demo:wage:{activity.Id}:{month}",
            [
                new PostingLine(await AccountAsync(entity, ChartOfAccounts.Wages, ct), Side.Debit, gross, activity.Id, "Salaire brut"),
                new PostingLine(await AccountAsync(entity, ChartOfAccounts.SocialCharges, ct), Side.Debit, employer, activity.Id, "Cotisations patronales"),
                new PostingLine(await AccountAsync(entity, "421", ct), Side.Credit, netWage),
                new PostingLine(await AccountAsync(entity, "431", ct), Side.Credit, employee + employer),
            ], payslip), Actor.System, ct);
            var payday = wageDay.AddDays(7);
            if (payday <= today && payday.Year == year)
            {
                await ledger.PostAsync(new PostEntryRequest(entity, "BQ", payday, $"Virement salaire {payslip}", "demo-payslip", payslip, $"demo:wage-paid:{activity.Id}:{month}",
                [
                    new PostingLine(await AccountAsync(entity, "421", ct), Side.Debit, netWage),
                    new PostingLine(bank, Side.Credit, netWage),
                ], payslip), Actor.System, ct);
            }
        }
    }
}
