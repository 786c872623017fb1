using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
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

/// <summary>
/// The single invoice of a pay period per employer, issued by payroll staff as Factur-X and
/// e-mailed to the employer's billing address through the outbox: the advances at cost
/// (débours, outside the VAT base), the management fee on the gross payroll with its VAT, each
/// part posted to its own account (the fee split included).
/// </summary>
public sealed class IssueEmployerInvoice(
    PartageDbContext db, EmployerAccounts accounts, EmployerInvoiceDocuments documents, GetEmployerInvoice views, IInvoicingApi invoicing, ILedgerApi ledger, Outbox outbox,
    IAuditLog audit, Microsoft.Extensions.Options.IOptions<EmployersOptions> options, TimeProvider clock)
{
    public async Task<EmployerInvoiceView> HandleAsync(EmployerId employerId, EmployerInvoiceInput input, Actor actor, CancellationToken ct = default)
    {
        EmployersAccess.RequireManager(actor);
        var employer = await db.Set<Employer>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == employerId, ct) ?? throw new DomainException(EmployersErrors.NotFound);
        var v = new Validation();
        var period = v.Month("Period", "La période de paie", input.Period, required: true)?.ToString();
        v.ThrowIfInvalid();
        var payslips = await ToInvoiceAsync(employer, period!, ct);
        var entity = await accounts.EntityAsync(ct);
        var today = clock.Today();
        var gross = Money.Eur(payslips.Sum(p => p.Figures.GrossCents));
        var complete = payslips.Where(p => p.Mandate == MandateKind.Complete).ToList();
        var figures = PayPeriodInvoice.Compute(complete.Count > 0 ? MandateKind.Complete : MandateKind.Partial, gross, Money.Eur(payslips.Sum(p => p.Figures.NetPaidCents)),
            Money.Eur(complete.Sum(p => p.Figures.EmployerCostCents - p.Figures.NetPaidCents)), Money.Eur(payslips.Sum(p => p.AllowancesCents)),
            await ledger.FeeSplitAsync(entity.Id, BusinessModules.ContractManagement, today, gross, ct), invoicing.StandardVatRate(today));
        var buyer = new InvoiceParty(employer.Name, Labels.LegalForm(employer.LegalForm), employer.Siret[..9], employer.Siret, null, employer.Street, null, employer.PostalCode,
            employer.City, "FR", employer.Siret[..9], employer.BillingEmail);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var number = await documents.NextNumberAsync(entity.Code, today, ct);
        var invoice = new EmployerInvoice
        {
            Id = Guid.CreateVersion7(), Number = number, EmployerId = employerId, Period = period!, Mandate = figures.Kind, IssueDate = today, DueDate = today.AddDays(options.Value.PaymentTermsDays),
            GrossPayrollCents = gross.Cents, NetWagesCents = figures.NetWages.Cents, ContributionsCents = figures.Contributions.Cents, AllowancesCents = figures.Allowances.Cents,
            FeeRatePercent = figures.Fee.RatePercent, FeeCents = figures.Fee.Total.Cents, FeeSharesJson = EmployerInvoice.StoreFeeShares(figures.Fee.Shares), VatCents = figures.Vat.Cents,
            TotalCents = figures.Total.Cents, PaymentReference = invoicing.PaymentReference(number), BuyerJson = System.Text.Json.JsonSerializer.Serialize(buyer),
            Status = EmployerInvoiceStatus.Issued, IssuedAt = clock.GetUtcNow().UtcDateTime, IssuedBy = actor.Name,
        };
        if (invoicing.TotalWithVat(documents.Lines(invoice)) != figures.Total)
        {
            throw new InvalidOperationException($"The EN 16931 total of {number} differs from the pay-period figures.");
        }

        invoice.EntryId = await PostAsync(invoice, employer, entity.Id, figures, actor, ct);
        db.Add(invoice);
        await MailAsync(invoice, employer, entity, figures, ct);
        foreach (var payslip in payslips)
        {
            payslip.InvoiceId = invoice.Id;
        }

        audit.Record(actor, "employers.invoice_issued", "employer_invoice", invoice.Id.ToString(), null,
            new { number, period, invoice.GrossPayrollCents, invoice.FeeCents, invoice.VatCents, invoice.TotalCents, Payslips = payslips.Count });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await views.HandleAsync(invoice.Id, actor, ct);
    }

    /// <summary>The period's validated payslips not yet on an invoice; a period already invoiced, empty or not all validated is refused.</summary>
    private async Task<List<StaffPayslip>> ToInvoiceAsync(Employer employer, string period, CancellationToken ct)
    {
        var payslips = await db.Set<StaffPayslip>().Where(p => p.EmployerId == employer.Id && p.Period == period && p.InvoiceId == null).ToListAsync(ct);
        if (payslips.Count == 0 && await db.Set<StaffPayslip>().AnyAsync(p => p.EmployerId == employer.Id && p.Period == period, ct))
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

        return payslips;
    }

    /// <summary>The employer's 411 debited with the total; its 467 advances, each fee share and the VAT credited.</summary>
    private async Task<Guid> PostAsync(EmployerInvoice invoice, Employer employer, LegalEntityId entity, PayPeriodInvoice figures, Actor actor, CancellationToken ct)
    {
        var lines = new List<PostingLine>
        {
            new(await accounts.ReceivableAsync(entity, employer, ct), Side.Debit, figures.Total, null, $"Facture {invoice.Number}"),
            new(await accounts.AdvancesAsync(entity, employer, ct), Side.Credit, figures.Advances, null, $"Avances de paie {invoice.Period}"),
        };
        foreach (var share in figures.Fee.Shares.Where(s => !s.Amount.IsZero))
        {
            lines.Add(new PostingLine(await ledger.AccountAsync(entity, share.AccountNumber, ct), Side.Credit, share.Amount, null, $"Frais de gestion — {share.Label}"));
        }

        if (!figures.Vat.IsZero)
        {
            lines.Add(new PostingLine(await ledger.AccountAsync(entity, ChartOfAccounts.VatCollected, ct), Side.Credit, figures.Vat, null, "TVA collectée sur les frais de gestion"));
        }

        var entry = await ledger.PostAsync(new PostEntryRequest(entity, "VT", invoice.IssueDate, $"Facture {invoice.Number} — {employer.Name}, paie {invoice.Period}", "employer_invoice",
            invoice.Id.ToString(), $"employer-invoice:{invoice.Id}", lines, invoice.Number), actor, ct);
        return entry.Id.Value;
    }

    private async Task MailAsync(EmployerInvoice invoice, Employer employer, LegalEntityView entity, PayPeriodInvoice figures, CancellationToken ct) =>
        outbox.Enqueue(employer.BillingEmail, $"Facture {invoice.Number} — paie {invoice.Period} — {figures.Total.ToDisplayString()} TTC",
            $"""
            Bonjour,

            Veuillez trouver ci-joint notre facture {invoice.Number} de la paie {invoice.Period} (Factur-X : PDF lisible et données structurées) : {figures.Total.ToDisplayString()} TTC,
            dont salaires nets {figures.NetWages.ToDisplayString()}, cotisations {figures.Contributions.ToDisplayString()}, frais avancés {figures.Allowances.ToDisplayString()},
            frais de gestion {figures.Fee.Total.ToDisplayString()} HT et TVA {figures.Vat.ToDisplayString()}.
            À régler avant le {invoice.DueDate:dd/MM/yyyy} par virement en indiquant la référence {invoice.PaymentReference}.

            {entity.Name} — gestion de contrats
            """,
            $"facture-{invoice.Number}.pdf", await documents.FacturXAsync(invoice, entity.Id, ct));

    public static void Map(RouteGroupBuilder employers)
    {
        employers.MapPost("/{id:guid}/invoices", async (Guid id, EmployerInvoiceInput input, IssueEmployerInvoice handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var invoice = await handler.HandleAsync(EmployerId.From(id), input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/employer-invoices/{invoice.Id}", invoice);
            })
            .WithName("IssueEmployerInvoice").WithSummary("Émettre la facture unique d'une période de paie (service paie) : salaires nets, cotisations (mandat complet), frais avancés, frais de gestion et TVA").ProducesProblems();
    }
}
