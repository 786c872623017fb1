using Microsoft.EntityFrameworkCore;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Payroll;
using Partage.App.Modules.Purchases;
using Partage.App.Modules.Purchases.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Demo;

/// <summary>
/// Two suppliers' invoices waiting for approval, as the platform would deliver them: another entity of the group
/// invoices the demo member's activity's entity for accompaniment (a Factur-X written by Partage's own writer) — one
/// names the activity's reference, so the member finds it on their home; the other names none, for a manager to route.
/// And the member's expense note for the dinners of their first concert at the payroll's flat rate, for the manager to approve.
/// </summary>
public sealed class DemoPurchases(
    PartageDbContext db, ILegalEntitiesApi entities, IInvoicingApi invoicing, ISupplierInvoiceInbox inbox, IPayrollApi payroll, SubmitExpenseNote notes, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.Set<SupplierInvoice>().AnyAsync(ct))
        {
            return;
        }

        // The demo member's activity: the first opened, as DemoSales takes it.
        var activity = await db.Set<Activity>().AsNoTracking().Where(a => a.Status == ActivityStatus.Active).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).FirstOrDefaultAsync(ct);
        var all = await entities.ListAsync(ct);
        var buyer = all.FirstOrDefault(e => e.Id == activity?.LegalEntityId);
        var seller = all.FirstOrDefault(e => e.Id != buyer?.Id);
        if (activity is null || buyer is null || seller is null)
        {
            return;
        }

        var today = clock.Today();
        var party = new InvoiceParty(buyer.Name, buyer.LegalForm, buyer.Siren, null, buyer.VatNumber, buyer.Street, null, buyer.PostalCode, buyer.City, buyer.Country, null, null);
        foreach (var (n, reference, what, cents) in new[] { (1, ActivityReference.Of(activity.Id), "Atelier de formation à la gestion d'activité", 18_000L), (2, (string?)null, "Prêt de salle de répétition", 9_500L) })
        {
            var number = $"{seller.Code}-DEMO-{today.Year}-{n:D3}";
            var file = await invoicing.FacturXAsync(new ExternalInvoice(seller.Id, party, number, today.AddDays(-3), today.AddDays(27), today.AddDays(-10), today.AddDays(-4),
                [invoicing.StandardRated(what, Money.Eur(cents))], invoicing.PaymentReference(number), reference), ct);
            await inbox.ReceiveAsync(new InboundSupplierInvoice(buyer.Id, $"DEMO-{number}", file), Actor.System, ct);
        }

        await db.SaveChangesAsync(ct);
        var job = (await payroll.MemberJobsAsync(activity.MemberId, today.AddYears(-1), ct)).LastOrDefault(j => j.ActivityId == activity.Id && !j.Dfs);
        if (job is not null)
        {
            var member = new Actor(null, "démonstration", new HashSet<string> { Roles.Member }, activity.MemberId, null);
            await notes.HandleAsync(new ExpenseNoteInput(null, job.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "Dîner du premier soir de concert",
                null, null, null, null, null, JobNumber: job.Number, Allowance: nameof(JobAllowance.MealRestaurant), Count: "1"), null, member, ct);
            await notes.HandleAsync(new ExpenseNoteInput(null, job.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "Dîner du second soir",
                null, null, null, null, null, JobNumber: job.Number, Allowance: nameof(JobAllowance.MealRestaurant), Count: "1"), null, member, ct);
        }
    }
}
