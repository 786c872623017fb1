using System.Globalization;
using Partage.App.Infrastructure.Http;
using Partage.App.Infrastructure.Pdf;
using Partage.App.Modules.Activities;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>
/// A quote as a PDF the client can keep or print and sign: the seller (the cooperative's entity, for the member's activity),
/// the client, the lines with their VAT, the totals and the validity; once answered, the answer. The same figures as the page.
/// </summary>
public sealed class GetQuotePdf(GetQuote quotes, AnswerQuote answers, ILegalEntitiesApi entities, IActivitiesApi activities, TimeProvider clock)
{
    /// <summary>For the member and staff who may edit its activity (else 404).</summary>
    public async Task<(string Name, byte[] Content)> HandleAsync(Guid id, Actor actor, CancellationToken ct = default) =>
        await PdfAsync(await quotes.HandleAsync(id, actor, ct), ct);

    /// <summary>For the client, behind the quote's signed link (null when the link is worth nothing).</summary>
    public async Task<(string Name, byte[] Content)?> ForClientAsync(string token, CancellationToken ct = default) =>
        await answers.FindAsync(token, ct) is { } quote ? await PdfAsync(quote, ct) : null;

    private async Task<(string Name, byte[] Content)> PdfAsync(QuoteView q, CancellationToken ct)
    {
        var seller = (await entities.ListAsync(ct)).Single(e => e.Code == q.EntityCode);
        var activity = (await activities.NamesAsync([q.ActivityId], ct)).GetValueOrDefault(q.ActivityId);
        var title = $"Devis {q.Number}";
        using var pdf = new PdfDocumentWriter(title, seller.Name);
        pdf.Title(title);
        pdf.Line(seller.Name + (activity is null ? string.Empty : $" — pour le compte de l'activité {activity}"), strong: true);
        pdf.Line($"{seller.LegalForm}, SIREN {seller.Siren}, TVA {seller.VatNumber}");
        pdf.Line($"{seller.Street}, {seller.PostalCode} {seller.City}");
        pdf.Space();
        pdf.Line($"Pour : {q.ClientName}", strong: true);
        pdf.Line($"Valable jusqu'au {q.ValidUntil.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}");
        pdf.Space();
        var rows = q.Lines.Select(l => (IReadOnlyList<string>)
        [
            l.Description ?? string.Empty, $"{QuoteLabels.Number(l.Quantity)} {InvoiceLabels.Unit(l.Unit ?? "C62")}", QuoteLabels.Number(l.UnitPrice) + "\u00a0€",
            VatRules.All.FirstOrDefault(r => r.Code == l.VatCode)?.Label ?? l.VatCode ?? string.Empty,
        ]).ToList();
        rows.Add([string.Empty, "Total HT", q.Net.ToDisplayString(), string.Empty]);
        rows.Add([string.Empty, "TVA", q.Vat.ToDisplayString(), string.Empty]);
        rows.Add([string.Empty, "Total TTC", q.Gross.ToDisplayString(), string.Empty]);
        pdf.Table(["Désignation", "Quantité", "Prix unitaire HT", "TVA"], [3.6, 1.4, 1.6, 2.4], new HashSet<int> { 2 }, rows);
        pdf.Space();
        pdf.Paragraph(q.RespondedAt is { } at
            ? $"{QuoteLabels.Status(q.Status)} par {q.RespondentName} le {ParisTime.Local(at):dd/MM/yyyy à HH:mm} (heure de Paris)."
            : "Bon pour accord : date, nom et signature du client.");
        pdf.Line($"Édité le {ParisTime.Local(clock.GetUtcNow()):dd/MM/yyyy}", strong: false);
        using var output = new MemoryStream();
        pdf.Save(output);
        return ($"devis-{q.Number}.pdf", output.ToArray());
    }

    public static void Map(RouteGroupBuilder quotes)
    {
        quotes.MapGet("/{id:guid}/pdf", async (Guid id, GetQuotePdf handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await handler.HandleAsync(id, await actors.GetAsync(ct), ct);
                return Results.File(content, "application/pdf", name);
            })
            .WithName("GetQuotePdf").WithSummary("Le devis en PDF").Produces(200, contentType: "application/pdf").ProducesProblems();
    }
}
