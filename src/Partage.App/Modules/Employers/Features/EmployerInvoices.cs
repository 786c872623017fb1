using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Infrastructure.Http;
using Partage.App.Infrastructure.Mail;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

public sealed record EmployerInvoiceInput(string? Period);

public sealed record EmployerPaymentInput(string? Amount, string? Date);

public sealed record EmployerCreditInput(string? Reason);

/// <summary>
/// The single invoice of a pay period per employer, issued as Factur-X and e-mailed to the
/// employer's billing address through the outbox: the advances at cost
/// (débours, outside the VAT base), the management fee on the gross payroll with its VAT, each
/// part posted to its own account (the fee split included); the employer's payments.
/// </summary>
public sealed class EmployerInvoices(
    PartageDbContext db, StaffPayroll staff, IInvoicingApi invoicing, ILedgerApi ledger, NumberSeries numbers, Outbox outbox, IAuditLog audit,
    Microsoft.Extensions.Options.IOptions<EmployersOptions> options, TimeProvider clock)
{
    private DateOnly Today => clock.Today();

    public async Task<EmployerInvoiceView> IssueAsync(EmployerId employerId, EmployerInvoiceInput input, Actor actor, CancellationToken ct = default)
    {
        EmployersAccess.RequireManager(actor);
        var employer = await db.Set<Employer>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == employerId, ct) ?? throw new DomainException(EmployersErrors.NotFound);
        var v = new Validation();
        var period = v.Month("Period", "La période de paie", input.Period, required: true)?.ToString();
        v.ThrowIfInvalid();
        var payslips = await db.Set<StaffPayslip>().Where(p => p.EmployerId == employerId && p.Period == period && p.InvoiceId == null).ToListAsync(ct);
        if (payslips.Count == 0 && await db.Set<StaffPayslip>().AnyAsync(p => p.EmployerId == employerId && p.Period == period, ct))
        {
            // Every payslip of the period is on an invoice already: a second click, a retry, or a colleague was first.
            throw new DomainException(EmployersErrors.AlreadyInvoiced, $"La paie {period} de {employer.Name} est déjà facturée : annulez la facture par un avoir pour la refaire.");
        }

        if (payslips.Count == 0)
        {
            throw new DomainException(EmployersErrors.NothingToInvoice, $"Aucun bulletin de {period} à facturer pour {employer.Name}.");
        }

        if (payslips.Any(p => p.Status == StaffPayslipStatus.Computed))
        {
            throw new DomainException(EmployersErrors.NothingToInvoice, "Des bulletins de la période attendent encore leur validation : validez-les avant de facturer.");
        }

        var entity = await staff.EntityAsync(ct);
        var today = Today;
        var gross = Money.Eur(payslips.Sum(p => p.GrossCents));
        var complete = payslips.Where(p => p.Mandate == MandateKind.Complete).ToList();
        var figures = PayPeriodInvoice.Compute(complete.Count > 0 ? MandateKind.Complete : MandateKind.Partial, gross, Money.Eur(payslips.Sum(p => p.NetPaidCents)),
            Money.Eur(complete.Sum(p => p.EmployerCostCents - p.NetPaidCents)), Money.Eur(payslips.Sum(p => p.AllowancesCents)),
            await ledger.FeeSplitAsync(entity.Id, BusinessModules.ContractManagement, today, gross, ct), invoicing.StandardVatRate(today));
        var buyer = new InvoiceParty(employer.Name, Labels.LegalForm(employer.LegalForm), employer.Siret[..9], employer.Siret, null, employer.Street, null, employer.PostalCode,
            employer.City, "FR", employer.Siret[..9], employer.BillingEmail);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var number = await NextNumberAsync(entity.Code, today, ct);
        var invoice = new EmployerInvoice
        {
            Id = Guid.CreateVersion7(), Number = number, EmployerId = employerId, Period = period!, Mandate = figures.Kind, IssueDate = today, DueDate = today.AddDays(options.Value.PaymentTermsDays),
            GrossPayrollCents = gross.Cents, NetWagesCents = figures.NetWages.Cents, ContributionsCents = figures.Contributions.Cents, AllowancesCents = figures.Allowances.Cents,
            FeeRatePercent = figures.Fee.RatePercent, FeeCents = figures.Fee.Total.Cents, FeeSharesJson = JsonSerializer.Serialize(figures.Fee.Shares.Select(f => new StoredShare(f.Label, f.AccountNumber, f.Amount.Cents))), VatCents = figures.Vat.Cents,
            TotalCents = figures.Total.Cents, PaymentReference = invoicing.PaymentReference(number), BuyerJson = JsonSerializer.Serialize(buyer),
            Status = EmployerInvoiceStatus.Issued, IssuedAt = clock.GetUtcNow().UtcDateTime, IssuedBy = actor.Name,
        };
        if (invoicing.TotalWithVat(Lines(invoice)) != figures.Total)
        {
            throw new InvalidOperationException($"The EN 16931 total of {number} differs from the pay-period figures.");
        }

        async Task<AccountId> Account(string account) => await ledger.AccountAsync(entity.Id, account, ct);
        var client = await staff.EmployerAccountAsync(entity.Id, ChartOfAccounts.Clients, employer, ct);
        var lines = new List<PostingLine>
        {
            new(client, Side.Debit, figures.Total, null, $"Facture {number}"),
            new(await staff.AdvancesAccountAsync(entity.Id, employer, ct), Side.Credit, figures.Advances, null, $"Avances de paie {period}"),
        };
        foreach (var share in figures.Fee.Shares.Where(s => !s.Amount.IsZero))
        {
            lines.Add(new PostingLine(await Account(share.AccountNumber), Side.Credit, share.Amount, null, $"Frais de gestion — {share.Label}"));
        }

        if (!figures.Vat.IsZero)
        {
            lines.Add(new PostingLine(await Account(ChartOfAccounts.VatCollected), Side.Credit, figures.Vat, null, "TVA collectée sur les frais de gestion"));
        }

        var entry = await ledger.PostAsync(new PostEntryRequest(entity.Id, "VT", today, $"Facture {number} — {employer.Name}, paie {period}", "employer_invoice", invoice.Id.ToString(),
            $"employer-invoice:{invoice.Id}", lines, number), actor, ct);
        invoice.EntryId = entry.Id.Value;
        db.Add(invoice);
        outbox.Enqueue(employer.BillingEmail, $"Facture {number} — paie {period} — {figures.Total.ToDisplayString()} TTC",
            $"""
            Bonjour,

            Veuillez trouver ci-joint notre facture {number} de la paie {period} (Factur-X : PDF lisible et données structurées) : {figures.Total.ToDisplayString()} TTC,
            dont salaires nets {figures.NetWages.ToDisplayString()}, cotisations {figures.Contributions.ToDisplayString()}, frais avancés {figures.Allowances.ToDisplayString()},
            frais de gestion {figures.Fee.Total.ToDisplayString()} HT et TVA {figures.Vat.ToDisplayString()}.
            À régler avant le {invoice.DueDate:dd/MM/yyyy} par virement en indiquant la référence {invoice.PaymentReference}.

            {entity.Name} — gestion de contrats
            """,
            $"facture-{number}.pdf", await FacturXAsync(invoice, entity.Id, ct));
        foreach (var payslip in payslips)
        {
            payslip.InvoiceId = invoice.Id;
        }

        audit.Record(actor, "employers.invoice_issued", "employer_invoice", invoice.Id.ToString(), null,
            new { number, period, invoice.GrossPayrollCents, invoice.FeeCents, invoice.VatCents, invoice.TotalCents, Payslips = payslips.Count });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await FindAsync(invoice.Id, actor, ct);
    }

    /// <summary>Finance records the employer's transfer: 512 against the employer's 411; paid once the total is covered.</summary>
    public async Task<EmployerInvoiceView> RecordPaymentAsync(Guid id, EmployerPaymentInput input, Actor actor, CancellationToken ct = default)
    {
        if (!(actor.IsAdmin || actor.IsInRole(Roles.Finance)))
        {
            throw new DomainException(EmployersErrors.NotFound);
        }

        var invoice = await db.Set<EmployerInvoice>().SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new DomainException(EmployersErrors.NotFound);
        var v = new Validation();
        var amount = v.Amount("Amount", "Le montant reçu", input.Amount, required: true);
        var date = v.Date("Date", "La date du virement", input.Date, required: true);
        if (amount is { } a && a.Cents > invoice.TotalCents - invoice.PaidCents)
        {
            v.Add("Amount", $"Le montant dépasse le reste dû ({Money.Eur(invoice.TotalCents - invoice.PaidCents).ToDisplayString()}).");
        }

        v.ThrowIfInvalid();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await SettleAsync(invoice, amount!.Value, date!.Value, ChartOfAccounts.Bank, invoice.Number, actor, ct);
        await transaction.CommitAsync(ct);
        return await FindAsync(id, actor, ct);
    }

    /// <summary>
    /// Payroll staff cancel an unpaid invoice in full by a credit note of the same figures, in the
    /// same series: its entry reversed, its payslips free to be invoiced again, the credit note
    /// e-mailed to the employer as Factur-X (type 381, naming the invoice).
    /// </summary>
    public async Task<EmployerInvoiceView> CreditAsync(Guid id, EmployerCreditInput input, Actor actor, CancellationToken ct = default)
    {
        EmployersAccess.RequireManager(actor);
        var invoice = await db.Set<EmployerInvoice>().SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new DomainException(EmployersErrors.NotFound);
        var v = new Validation();
        var reason = v.Required("Reason", "Le motif de l'avoir", input.Reason, 300);
        v.ThrowIfInvalid();
        if (invoice.Kind != EmployerInvoiceKind.Invoice || invoice.Status != EmployerInvoiceStatus.Issued || invoice.PaidCents != 0)
        {
            throw new DomainException(EmployersErrors.WrongStatus, "Seule une facture émise et encore impayée s'annule par un avoir (une facture réglée, même en partie, se rembourse).");
        }

        var employer = await db.Set<Employer>().AsNoTracking().SingleAsync(e => e.Id == invoice.EmployerId, ct);
        var entity = await staff.EntityAsync(ct);
        var today = Today;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var number = await NextNumberAsync(entity.Code, today, ct);
        var credit = new EmployerInvoice
        {
            Id = Guid.CreateVersion7(), Number = number, Kind = EmployerInvoiceKind.CreditNote, CreditedInvoiceId = invoice.Id, CreditReason = reason, EmployerId = invoice.EmployerId,
            Period = invoice.Period, Mandate = invoice.Mandate, IssueDate = today, DueDate = today, GrossPayrollCents = invoice.GrossPayrollCents, NetWagesCents = invoice.NetWagesCents,
            ContributionsCents = invoice.ContributionsCents, AllowancesCents = invoice.AllowancesCents, FeeRatePercent = invoice.FeeRatePercent, FeeCents = invoice.FeeCents,
            FeeSharesJson = invoice.FeeSharesJson, VatCents = invoice.VatCents, TotalCents = invoice.TotalCents, PaymentReference = invoicing.PaymentReference(number),
            BuyerJson = invoice.BuyerJson, Status = EmployerInvoiceStatus.Applied, IssuedAt = clock.GetUtcNow().UtcDateTime, IssuedBy = actor.Name,
        };
        var reversal = await ledger.ReverseAsync(new EntryId(invoice.EntryId), today, $"Avoir {number} annulant {invoice.Number} : {reason}", $"employer-credit-note:{invoice.Id}", actor, ct);
        credit.EntryId = reversal.Id.Value;
        invoice.Status = EmployerInvoiceStatus.Cancelled;
        db.Add(credit);
        await db.Set<StaffPayslip>().Where(p => p.InvoiceId == invoice.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.InvoiceId, (Guid?)null), ct);
        outbox.Enqueue(employer.BillingEmail, $"Avoir {number} annulant la facture {invoice.Number} — paie {invoice.Period}",
            $"""
            Bonjour,

            Veuillez trouver ci-joint notre avoir {number} (Factur-X), qui annule en totalité la facture {invoice.Number} du {invoice.IssueDate:dd/MM/yyyy}
            ({Money.Eur(invoice.TotalCents).ToDisplayString()} TTC) : {reason}. Cette facture n'est plus à régler ; la paie {invoice.Period} vous sera facturée à nouveau.

            {entity.Name} — gestion de contrats
            """,
            $"avoir-{number}.pdf", await FacturXAsync(credit, entity.Id, ct));
        audit.Record(actor, "employers.invoice_credited", "employer_invoice", invoice.Id.ToString(), new { Status = EmployerInvoiceStatus.Issued.ToString() },
            new { Status = invoice.Status.ToString(), CreditNote = number, reason, ReversalEntry = reversal.Id.ToString() });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await FindAsync(credit.Id, actor, ct);
    }

    /// <summary>The entity's invoices not yet paid in full, as a bank statement may name them (by RF reference or number).</summary>
    internal async Task<IReadOnlyList<Receivable>> OpenAsync(LegalEntityId entity, CancellationToken ct)
    {
        if ((await staff.EntityAsync(ct)).Id != entity)
        {
            return [];
        }

        return (await db.Set<EmployerInvoice>().AsNoTracking().Where(i => i.Kind == EmployerInvoiceKind.Invoice && i.Status == EmployerInvoiceStatus.Issued).OrderBy(i => i.Number).ToListAsync(ct))
            .Select(i => new Receivable(i.Id, i.Number, i.PaymentReference, Money.Eur(i.TotalCents - i.PaidCents))).ToList();
    }

    /// <summary>A payment received for an invoice, within the caller's transaction (a statement import, a manual match).</summary>
    internal async Task SettleAsync(Guid id, Money amount, DateOnly on, string from, string label, Actor actor, CancellationToken ct)
    {
        var invoice = await db.Set<EmployerInvoice>().SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new DomainException(EmployersErrors.NotFound);
        if (amount.Cents <= 0 || amount.Cents > invoice.TotalCents - invoice.PaidCents)
        {
            throw new DomainException(EmployersErrors.WrongStatus, $"Le montant dépasse le reste dû de {invoice.Number} ({Money.Eur(invoice.TotalCents - invoice.PaidCents).ToDisplayString()}).");
        }

        await SettleAsync(invoice, amount, on, from, label, actor, ct);
    }

    /// <summary>Posts a payment (the bank or the suspense account debited, the employer's 411 credited); the invoice is paid once its total is covered.</summary>
    private async Task SettleAsync(EmployerInvoice invoice, Money amount, DateOnly on, string from, string label, Actor actor, CancellationToken ct)
    {
        var employer = await db.Set<Employer>().AsNoTracking().SingleAsync(e => e.Id == invoice.EmployerId, ct);
        var entity = (await staff.EntityAsync(ct)).Id;
        var client = await staff.EmployerAccountAsync(entity, ChartOfAccounts.Clients, employer, ct);
        await ledger.PostAsync(new PostEntryRequest(entity, "BQ", on, $"Règlement {invoice.Number} — {employer.Name}", "employer_invoice_payment", invoice.Id.ToString(),
            $"employer-invoice:{invoice.Id}:payment:{invoice.PaidCents}",
            [
                new PostingLine(await ledger.AccountAsync(entity, from, ct), Side.Debit, amount, null, label),
                new PostingLine(client, Side.Credit, amount, null, invoice.Number),
            ], invoice.Number), actor, ct);
        invoice.PaidCents += amount.Cents;
        if (invoice.PaidCents == invoice.TotalCents)
        {
            (invoice.Status, invoice.PaidOn) = (EmployerInvoiceStatus.Paid, on);
        }

        audit.Record(actor, "employers.invoice_payment", "employer_invoice", invoice.Id.ToString(), null, new { invoice.Number, AmountCents = amount.Cents, invoice.PaidCents, From = from });
        await db.SaveChangesAsync(ct);
    }

    public async Task<EmployerInvoiceView> FindAsync(Guid id, Actor actor, CancellationToken ct = default) =>
        (await ViewsAsync(await Visible(actor).Where(i => i.Id == id).ToListAsync(ct), ct)).SingleOrDefault() ?? throw new DomainException(EmployersErrors.NotFound);

    public async Task<PagedResult<EmployerInvoiceView>> ListAsync(EmployerId? employer, PageRequest page, Actor actor, CancellationToken ct = default)
    {
        var query = Visible(actor);
        if (employer is { } e)
        {
            query = query.Where(i => i.EmployerId == e);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(i => i.IssueDate).ThenByDescending(i => i.Number).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedResult<EmployerInvoiceView>(await ViewsAsync(rows, ct), page.Page, page.Size, total);
    }

    /// <summary>The invoice as Factur-X (PDF/A-3 with its CII XML), printed from its frozen figures.</summary>
    public async Task<(string FileName, byte[] Content)> PdfAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        var invoice = await Visible(actor).SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new DomainException(EmployersErrors.NotFound);
        return ($"{(invoice.Kind == EmployerInvoiceKind.CreditNote ? "avoir" : "facture")}-{invoice.Number}.pdf", await FacturXAsync(invoice, (await staff.EntityAsync(ct)).Id, ct));
    }

    private async Task<byte[]> FacturXAsync(EmployerInvoice invoice, LegalEntityId seller, CancellationToken ct)
    {
        var month = DateOnly.ParseExact(invoice.Period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var credited = invoice.CreditedInvoiceId is { } id
            ? await db.Set<EmployerInvoice>().AsNoTracking().Where(i => i.Id == id).Select(i => new { i.Number, i.IssueDate }).SingleAsync(ct)
            : null;
        return await invoicing.FacturXAsync(new ExternalInvoice(seller, JsonSerializer.Deserialize<InvoiceParty>(invoice.BuyerJson)!, invoice.Number, invoice.IssueDate,
            invoice.DueDate, month, month.AddMonths(1).AddDays(-1), Lines(invoice), invoice.PaymentReference, $"Paie {invoice.Period}", credited?.Number, credited?.IssueDate,
            invoice.CreditReason), ct);
    }

    /// <summary>The lines printed: the advances at cost (débours), then the fee at the standard VAT rate (a service of the cooperative).</summary>
    private IReadOnlyList<ExternalInvoiceLine> Lines(EmployerInvoice invoice)
    {
        var lines = new List<ExternalInvoiceLine>();
        void AtCost(string text, long cents)
        {
            if (cents > 0)
            {
                lines.Add(invoicing.Disbursement(text, Money.Eur(cents)));
            }
        }

        AtCost($"Salaires nets versés pour votre compte — paie {invoice.Period}", invoice.NetWagesCents);
        AtCost($"Cotisations sociales et prélèvement à la source avancés — paie {invoice.Period}", invoice.ContributionsCents);
        AtCost($"Frais avancés (repas, hébergement) — paie {invoice.Period}", invoice.AllowancesCents);
        lines.Add(invoicing.StandardRated(
            $"Frais de gestion {invoice.FeeRatePercent.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR"))} % HT de la masse salariale brute de {Money.Eur(invoice.GrossPayrollCents).ToDisplayString()}",
            Money.Eur(invoice.FeeCents)));
        return lines;
    }

    /// <summary>Invoices and credit notes share one continuous series per entity.</summary>
    private async Task<string> NextNumberAsync(string entityCode, DateOnly today, CancellationToken ct) =>
        $"{entityCode}-GC-{today.Year}-{await numbers.NextAsync($"employer-invoice:{entityCode}", ct):D6}";

    /// <summary>A fee share as stored on the invoice: cents, not a Money (which has no JSON form).</summary>
    private sealed record StoredShare(string Label, string Account, long Cents);

    private IQueryable<EmployerInvoice> Visible(Actor actor)
    {
        var visible = db.Set<Employer>().Visible(actor).Select(e => e.Id);
        return db.Set<EmployerInvoice>().AsNoTracking().Where(i => visible.Contains(i.EmployerId));
    }

    private async Task<IReadOnlyList<EmployerInvoiceView>> ViewsAsync(IReadOnlyList<EmployerInvoice> rows, CancellationToken ct)
    {
        var ids = rows.Select(i => i.EmployerId).Distinct().ToList();
        var names = await db.Set<Employer>().AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var invoiceIds = rows.Select(i => (Guid?)i.Id).ToList();
        var counts = await db.Set<StaffPayslip>().AsNoTracking().Where(p => invoiceIds.Contains(p.InvoiceId)).GroupBy(p => p.InvoiceId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key!.Value, x => x.Count, ct);
        var pairs = await db.Set<EmployerInvoice>().AsNoTracking().Where(c => c.CreditedInvoiceId != null && (invoiceIds.Contains(c.Id) || invoiceIds.Contains(c.CreditedInvoiceId)))
            .Join(db.Set<EmployerInvoice>(), c => c.CreditedInvoiceId, i => i.Id, (c, i) => new { CreditId = c.Id, CreditNumber = c.Number, InvoiceId = i.Id, InvoiceNumber = i.Number })
            .ToListAsync(ct);
        var related = pairs.Select(p => (p.CreditId, p.InvoiceNumber)).Concat(pairs.Select(p => (p.InvoiceId, p.CreditNumber))).ToDictionary(p => p.Item1, p => p.Item2);
        return rows.Select(i => new EmployerInvoiceView(i.Id, i.Number, i.EmployerId, names[i.EmployerId], i.Period, i.Mandate, i.IssueDate, i.DueDate, Money.Eur(i.GrossPayrollCents),
            Money.Eur(i.NetWagesCents), Money.Eur(i.ContributionsCents), Money.Eur(i.AllowancesCents), i.FeeRatePercent, Money.Eur(i.FeeCents),
            JsonSerializer.Deserialize<List<StoredShare>>(i.FeeSharesJson)!.Select(f => new FeeShareAmount(f.Label, f.Account, Money.Eur(f.Cents))).ToList(), Money.Eur(i.VatCents), Money.Eur(i.TotalCents), i.PaymentReference, i.Status, Money.Eur(i.PaidCents),
            i.PaidOn, counts.GetValueOrDefault(i.Id))
        {
            Kind = i.Kind, Related = related.GetValueOrDefault(i.Id), CreditReason = i.CreditReason,
        }).ToList();
    }

    public static void Map(RouteGroupBuilder employers, RouteGroupBuilder invoices)
    {
        employers.MapPost("/{id:guid}/invoices", async (Guid id, EmployerInvoiceInput input, EmployerInvoices issue, ActorAccessor actors, CancellationToken ct) =>
            {
                var invoice = await issue.IssueAsync(EmployerId.From(id), input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/employer-invoices/{invoice.Id}", invoice);
            })
            .WithName("IssueEmployerInvoice").WithSummary("Émettre la facture unique d'une période de paie (service paie) : salaires nets, cotisations (mandat complet), frais avancés, frais de gestion et TVA").ProducesProblems();
        invoices.MapGet("/", async (Guid? employer, int? page, int? size, EmployerInvoices list, ActorAccessor actors, CancellationToken ct) =>
                await list.ListAsync(employer is { } e ? EmployerId.From(e) : null, new PageRequest(page, size), await actors.GetAsync(ct), ct))
            .WithName("ListEmployerInvoices").WithSummary("Les factures de gestion de contrats (un employeur : les siennes)").ProducesProblems();
        invoices.MapGet("/{id:guid}", async (Guid id, EmployerInvoices find, ActorAccessor actors, CancellationToken ct) => await find.FindAsync(id, await actors.GetAsync(ct), ct))
            .WithName("GetEmployerInvoice").WithSummary("Une facture de gestion de contrats").ProducesProblems();
        invoices.MapGet("/{id:guid}/pdf", async (Guid id, EmployerInvoices documents, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await documents.PdfAsync(id, await actors.GetAsync(ct), ct);
                return TypedResults.File(content, "application/pdf", name);
            })
            .WithName("EmployerInvoicePdf").WithSummary("La facture en Factur-X (PDF/A-3, XML CII EN 16931)").ProducesProblems().Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        invoices.MapPost("/{id:guid}/payments", async (Guid id, EmployerPaymentInput input, EmployerInvoices pay, ActorAccessor actors, CancellationToken ct) =>
                await pay.RecordPaymentAsync(id, input, await actors.GetAsync(ct), ct))
            .WithName("RecordEmployerPayment").WithSummary("Enregistrer le règlement d'un employeur (finance)").ProducesProblems();
        invoices.MapPost("/{id:guid}/credit-note", async (Guid id, EmployerCreditInput input, EmployerInvoices credit, ActorAccessor actors, CancellationToken ct) =>
            {
                var note = await credit.CreditAsync(id, input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/employer-invoices/{note.Id}", note);
            })
            .WithName("CreditEmployerInvoice").WithSummary("Annuler une facture impayée par un avoir du même montant (service paie) : écriture extournée, bulletins à refacturer").ProducesProblems();
    }
}
