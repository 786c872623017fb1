using Partage.App.Infrastructure;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Activities.Features;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Ledger.Features;
using Partage.App.Modules.Payroll;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Modules.Purchases;
using Partage.App.Modules.Purchases.Features;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Ui.Pages;

/// <summary>An activity's headline figure on a member's home.</summary>
public sealed record ActivityMoney(ActivityView Activity, Money Available);

/// <summary>Something that waits for the reader, with the page where it is done.</summary>
public sealed record WaitingItem(string Text, string Link);

/// <summary>A queue of work: how many wait (named in the singular and the plural), where to deal with them.</summary>
public sealed record WorkQueue(string Singular, string Plural, long Count, string Link, string? Detail = null)
{
    public string Label => Count < 2 ? Singular : Plural;
}

/// <summary>The next wage: the day it is due and the net the member will receive that day.</summary>
public sealed record NextPay(DateOnly Day, Money Net, int Payslips);

/// <summary>
/// What each role opens Partage to know, gathered from the modules' use cases: a member's money and what waits for
/// them; a manager's, finance's and payroll's queues. Every figure links to the page where the work is done.
/// </summary>
public sealed class RoleHome(ILedgerApi ledger, SearchInvoices invoices, GetOverdueAges overdue, ListJobs jobs, ListPayslips payslips,
    ListWageBatches batches, ListUnmatchedBankLines bankLines, GetGuaranteeFund fund, FileEntityDsn dsn, ListFiscalYears fiscalYears, SearchActivities activities,
    SearchSupplierInvoices supplierInvoices, TimeProvider clock)
{
    private const int Recent = 100;

    public async Task<IReadOnlyList<ActivityMoney>> MoneyAsync(IReadOnlyList<ActivityView> activities, CancellationToken ct)
    {
        var active = activities.Where(a => a.Status == ActivityStatus.Active).ToList();
        var budgets = await ledger.BudgetsAsync(active.Select(a => a.Id).ToList(), ct);
        return active.Select(a => new ActivityMoney(a, budgets[a.Id].Available)).ToList();
    }

    /// <summary>A member's contracts to sign, drafts to issue, invoices to send or chase, suppliers' invoices to approve, payslips of the last 30 days.</summary>
    public async Task<IReadOnlyList<WaitingItem>> WaitingForMemberAsync(Actor actor, CancellationToken ct)
    {
        var today = clock.Today();
        var items = new List<WaitingItem>();
        foreach (var job in (await jobs.HandleAsync(nameof(JobStatus.Declared), null, new PageRequest(1, Recent), actor, ct)).Items)
        {
            items.Add(new WaitingItem($"Contrat {job.Number} à signer : {job.Trade}, du {job.Start:dd/MM/yyyy} ({job.ActivityName})", $"/travaux/{job.Id}"));
        }

        foreach (var invoice in (await invoices.HandleAsync(null, null, new PageRequest(1, Recent), actor, ct)).Items.Where(i => i.Kind == InvoiceKind.Invoice))
        {
            var text = invoice switch
            {
                { Status: InvoiceStatus.Draft } => $"Brouillon pour {invoice.ClientName} ({invoice.Gross.ToDisplayString()}) à émettre",
                { Status: InvoiceStatus.Issued } => $"Facture {invoice.Number} émise, à envoyer à {invoice.ClientName}",
                { Status: InvoiceStatus.Sent or InvoiceStatus.PartlyPaid, DueDate: { } due } when due < today =>
                    $"Facture {invoice.Number} en retard de {French.Count(today.DayNumber - due.DayNumber, "jour")} : {invoice.ClientName} doit encore {invoice.Remaining.ToDisplayString()}",
                _ => null,
            };
            if (text is not null)
            {
                items.Add(new WaitingItem(text, $"/factures/{invoice.Id}"));
            }
        }

        foreach (var bill in (await supplierInvoices.HandleAsync(SupplierInvoiceStatus.ToApprove, null, new PageRequest(1, Recent), actor, ct)).Items)
        {
            items.Add(new WaitingItem($"Facture de {bill.SupplierName} ({bill.Payable.ToDisplayString()}) à approuver pour {bill.ActivityName}", $"/achats/{bill.Id}"));
        }

        foreach (var slip in (await payslips.HandleAsync(null, new PageRequest(1, Recent), actor, ct)).Items
                     .Where(p => p.Status != PayslipStatus.Computed && p.ValidatedAt is { } at && ParisTime.DateOf(at) >= today.AddDays(-30)))
        {
            items.Add(new WaitingItem($"Bulletin {slip.Number} ({French.Month(slip.Period)}) disponible : net {slip.NetPaid.ToDisplayString()}", $"/travaux/{slip.JobId}"));
        }

        return items;
    }

    /// <summary>The earliest day validated payslips are due and what they pay that day; null when nothing is due.</summary>
    public async Task<NextPay?> NextPayAsync(Actor actor, CancellationToken ct)
    {
        var due = (await payslips.HandleAsync(nameof(PayslipStatus.Validated), new PageRequest(1, Recent), actor, ct)).Items;
        if (due.Count == 0)
        {
            return null;
        }

        var day = due.Min(p => p.DueOn);
        var that = due.Where(p => p.DueOn == day).ToList();
        return new NextPay(day, that.Select(p => p.NetPaid).Sum(Currency.Eur), that.Count);
    }

    /// <summary>The queues of the cooperative's staff and managers, each only for those who work it.</summary>
    public async Task<IReadOnlyList<WorkQueue>> QueuesAsync(Actor actor, CancellationToken ct)
    {
        var queues = new List<WorkQueue>();
        var one = new PageRequest(1, 1);
        if (actor.IsAdmin || actor.IsInRole(Roles.Manager) || actor.IsInRole(Roles.Finance))
        {
            queues.Add(new WorkQueue("facture à valider", "factures à valider", (await invoices.HandleAsync(nameof(InvoiceStatus.PendingValidation), null, one, actor, ct)).Total,
                $"/factures?status={nameof(InvoiceStatus.PendingValidation)}"));
            queues.Add(new WorkQueue("facture de fournisseur à approuver", "factures de fournisseurs à approuver",
                (await supplierInvoices.HandleAsync(SupplierInvoiceStatus.ToApprove, null, one, actor, ct)).Total, $"/achats?statut={nameof(SupplierInvoiceStatus.ToApprove)}"));
        }

        if (actor.IsAdmin || actor.IsInRole(Roles.Manager) || actor.IsInRole(Roles.Finance))
        {
            // Active activities whose « disponible » is below zero: the member is spending money the activity does not have.
            var red = new ActivitySearch { Status = nameof(ActivityStatus.Active), InTheRed = true, PageSize = 1 };
            queues.Add(new WorkQueue("activité dans le rouge", "activités dans le rouge", (await activities.HandleAsync(red, actor, ct)).Total,
                $"/activites?status={nameof(ActivityStatus.Active)}&inTheRed=true"));
        }

        if (actor.IsAdmin || actor.IsInRole(Roles.Manager) || actor.IsInRole(Roles.Payroll))
        {
            queues.Add(new WorkQueue("contrat à contre-signer", "contrats à contre-signer", (await jobs.HandleAsync(nameof(JobStatus.Signed), null, one, actor, ct)).Total, $"/travaux?status={nameof(JobStatus.Signed)}"));
        }

        if (actor.IsAdmin || actor.IsInRole(Roles.Payroll))
        {
            queues.Add(new WorkQueue("bulletin à valider", "bulletins à valider", (await payslips.HandleAsync(nameof(PayslipStatus.Computed), one, actor, ct)).Total, "/paie"));
            var built = (await batches.HandleAsync(new PageRequest(1, Recent), actor, ct)).Items.Where(b => b.Status == PaymentBatchStatus.Built).ToList();
            queues.Add(new WorkQueue("lot de virements à libérer", "lots de virements à libérer", built.Count, "/paie", built.Count == 0 ? null : built.Select(b => b.Total).Sum(Currency.Eur).ToDisplayString()));
            var due = await dsn.DueAsync(actor, ct);
            queues.Add(new WorkQueue("DSN à déposer", "DSN à déposer", due.Count, "/paie#dsn-title", due.Count == 0 ? null
                : string.Join(" ; ", due.Select(d => $"{d.Entity}, {French.Month(d.Period)}, avant le {d.Deadline:dd/MM/yyyy}{(d.Built ? " (fichier constitué)" : string.Empty)}"))));
        }

        if (actor.IsAdmin || actor.IsInRole(Roles.Finance))
        {
            queues.Add(new WorkQueue("ligne bancaire à rapprocher", "lignes bancaires à rapprocher", (await bankLines.HandleAsync(one, actor, ct)).Total, "/banque"));
            var toClose = (await fiscalYears.HandleAsync(null, actor, ct)).SelectMany(y => y.MonthsToClose(clock.Today()).Select(m => (y.Entity, Month: m))).ToList();
            var entities = toClose.GroupBy(m => m.Entity).ToList();
            queues.Add(new WorkQueue("mois à clôturer", "mois à clôturer", toClose.Count, entities.Count == 1 ? $"/comptabilite?entity={entities[0].Key}" : "/comptabilite",
                toClose.Count == 0 ? null : string.Join(" ; ", entities.Select(e => $"{e.Key} : {French.Count(e.Count(), "mois", "mois")} depuis {French.Month(e.First().Month.ToString())}"))));
        }

        return queues;
    }

    /// <summary>Finance's view of the guarantee fund per entity: its balance and what it is exposed to (invoices it could have to cover).</summary>
    public async Task<IReadOnlyList<(string Entity, Money Balance, Money Exposure)>> FundAsync(Actor actor, CancellationToken ct) =>
        actor.IsAdmin || actor.IsInRole(Roles.Finance) ? (await fund.HandleAsync(actor, ct)).Entities : [];

    /// <summary>Overdue invoices by age, for whoever follows payments (finance, a manager for their office, a member for their own).</summary>
    public Task<IReadOnlyList<OverdueBand>> OverdueAsync(Actor actor, CancellationToken ct) => overdue.HandleAsync(actor, ct);
}
