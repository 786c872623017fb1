using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure.Http;
using Partage.App.Infrastructure.Mail;
using Partage.App.Infrastructure.Pdf;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Clients;
using Partage.App.Modules.Invoicing.FacturX;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>
/// Dunning of overdue invoices by the configured schedule (by default reminders at due date + 5
/// and + 15 days, a formal notice as PDF at + 30): each step once per invoice, the highest step
/// reached when several are due at once (the others logged as passed over), nothing while a
/// dispute is recorded, every step logged. Run daily by `partage invoices dunning` or by finance.
/// </summary>
public sealed class RunDunning(
    PartageDbContext db, IClientsApi clients, InvoiceDocuments documents, Outbox outbox, IAuditLog audit, IOptions<InvoicingOptions> options, TimeProvider clock)
{
    private DateOnly Today => clock.Today();

    public async Task<DunningRun> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        if (!InvoicingAccess.KeepsAccounts(actor))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }

        var schedule = options.Value.DunningSchedule.OrderBy(s => s.DaysAfterDue).ToList();
        if (schedule.Count == 0)
        {
            return new DunningRun(0, 0, 0);
        }

        var (overdue, done) = await OverdueAsync(Today.AddDays(-schedule[0].DaysAfterDue), ct);
        var sent = new List<DunningKind>();
        var disputed = 0;
        foreach (var invoice in overdue)
        {
            if (invoice.DisputedSince is not null)
            {
                disputed++;
                continue;
            }

            var late = Today.DayNumber - invoice.DueDate!.Value.DayNumber;
            var reached = schedule.Select((s, i) => (Option: s, Step: i + 1)).Where(x => x.Option.DaysAfterDue <= late && !done[invoice.Id].Contains(x.Step)).ToList();
            if (reached.Count == 0)
            {
                continue;
            }

            var (option, step) = reached[^1];
            foreach (var (skipped, number) in reached.Take(reached.Count - 1))
            {
                db.Add(new DunningStep { Id = Guid.CreateVersion7(), InvoiceId = invoice.Id, Step = number, Kind = skipped.Kind, On = Today, Sent = false, Note = "Étape dépassée : une étape suivante était due." });
            }

            var client = await clients.FindAsync(invoice.ClientId, ct);
            var document = await documents.FindAsync(invoice.Id, Actor.System, ct);
            if (client?.BillingEmail is null || document is null)
            {
                db.Add(new DunningStep { Id = Guid.CreateVersion7(), InvoiceId = invoice.Id, Step = step, Kind = option.Kind, On = Today, Sent = false, Note = "Pas d'e-mail de facturation : relance à faire par courrier." });
                continue;
            }

            Send(client.BillingEmail, invoice, document, option.Kind, late);
            sent.Add(option.Kind);

            db.Add(new DunningStep { Id = Guid.CreateVersion7(), InvoiceId = invoice.Id, Step = step, Kind = option.Kind, On = Today, Sent = true, Note = $"Envoyé à {client.BillingEmail}" });
            audit.Record(actor, "invoicing.dunning_step", "invoice", invoice.Id.ToString(), null, new { invoice.Number, Step = step, option.Kind, DaysLate = late });
        }

        await db.SaveChangesAsync(ct);
        return new DunningRun(sent.Count(k => k == DunningKind.Reminder), sent.Count(k => k != DunningKind.Reminder), disputed);
    }

    /// <summary>Invoices awaiting payment whose due date is at least the first step behind, with the steps each already had.</summary>
    private async Task<(List<Invoice> Overdue, ILookup<InvoiceId, int> Done)> OverdueAsync(DateOnly firstDue, CancellationToken ct)
    {
        var overdue = await db.Set<Invoice>().Include(i => i.Payments).AsSplitQuery()
            .Where(i => i.Kind == InvoiceKind.Invoice && InvoiceStatuses.AwaitingPayment.Contains(i.Status) && i.DueDate <= firstDue)
            .OrderBy(i => i.DueDate).ToListAsync(ct);
        var ids = overdue.Select(i => i.Id).ToList();
        var done = (await db.Set<DunningStep>().Where(d => ids.Contains(d.InvoiceId)).Select(d => new { d.InvoiceId, d.Step }).ToListAsync(ct))
            .ToLookup(d => d.InvoiceId, d => d.Step);
        return (overdue, done);
    }

    /// <summary>A reminder is a mail with the invoice attached; a formal notice is a PDF letter of its own.</summary>
    private void Send(string email, Invoice invoice, InvoiceDocument document, DunningKind kind, int late)
    {
        if (kind == DunningKind.Reminder)
        {
            outbox.Enqueue(email, $"Rappel : facture {invoice.Number} échue depuis {late} jours",
                $"""
                Bonjour,

                Sauf erreur de notre part, la facture {invoice.Number} du {invoice.IssueDate:dd/MM/yyyy}, échue le {invoice.DueDate:dd/MM/yyyy}, reste due pour {invoice.Remaining.ToDisplayString()}.
                Merci de la régler par virement (IBAN {options.Value.Iban}) en indiquant la référence {invoice.PaymentReference}.
                {options.Value.LatePenaltyText}. {options.Value.RecoveryIndemnityText}.

                {document.Parties.Seller.Name}
                """,
                $"{document.FileStem}.pdf", FacturXPdf.Write(document));
        }
        else
        {
            outbox.Enqueue(email, $"Mise en demeure : facture {invoice.Number}",
                $"Bonjour,\n\nVeuillez trouver ci-joint notre mise en demeure de payer la facture {invoice.Number} ({invoice.Remaining.ToDisplayString()}).\n\n{document.Parties.Seller.Name}",
                $"mise-en-demeure-{invoice.Number}.pdf", FormalNotice(document, invoice, late));
        }
    }

    private byte[] FormalNotice(InvoiceDocument document, Invoice invoice, int late)
    {
        using var pdf = new PdfDocumentWriter($"Mise en demeure — facture {invoice.Number}", document.Parties.Seller.Name);
        pdf.Title("Mise en demeure de payer");
        pdf.Line($"{document.Parties.Seller.Name}, {document.Parties.Seller.Line1}, {document.Parties.Seller.PostalCode} {document.Parties.Seller.City} — le {Today:dd/MM/yyyy}");
        pdf.Space();
        pdf.Line(document.Parties.Buyer.Name, strong: true);
        pdf.Line($"{document.Parties.Buyer.Line1}, {document.Parties.Buyer.PostalCode} {document.Parties.Buyer.City}");
        pdf.Space();
        pdf.Paragraph($"Malgré nos relances, la facture n° {invoice.Number} du {invoice.IssueDate:dd/MM/yyyy}, échue le {invoice.DueDate:dd/MM/yyyy} (il y a {late} jours), reste impayée pour un montant de {invoice.Remaining.ToDisplayString()}.");
        pdf.Paragraph($"Nous vous mettons en demeure de régler cette somme sous huit jours à compter de la réception de la présente, par virement sur le compte IBAN {options.Value.Iban} (référence {invoice.PaymentReference}).");
        pdf.Paragraph($"{options.Value.LatePenaltyText}. {options.Value.RecoveryIndemnityText}.");
        pdf.Paragraph("À défaut de paiement dans ce délai, nous engagerons sans autre avis les procédures de recouvrement prévues par la loi.");
        using var output = new MemoryStream();
        pdf.Save(output);
        return output.ToArray();
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/dunning/run", async (RunDunning handler, ActorAccessor actors, CancellationToken ct) => await handler.HandleAsync(await actors.GetAsync(ct), ct))
            .WithTags("Factures").WithName("RunDunning").WithSummary("Relancer les factures échues selon le calendrier (finance)").ProducesProblems();
    }
}
