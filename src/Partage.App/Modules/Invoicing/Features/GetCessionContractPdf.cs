using System.Globalization;
using Partage.App.Infrastructure.Http;
using Partage.App.Infrastructure.Pdf;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Clients;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>
/// When the cooperative produces a show and sells it, the organiser signs a contrat de cession du droit d'exploitation
/// (the show for a price), not an invoice of "cachet + charges": the cooperative is the producer, employs and pays the
/// artists and holds the licence, whose number the contract prints. Made from the quote, for a show activity of an entity
/// holding a valid producer's licence (category 2) on the last day of the performances.
/// </summary>
public sealed class GetCessionContractPdf(QuoteRecords records, IActivitiesApi activities, IClientsApi clients, ILegalEntitiesApi entities)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public async Task<(string FileName, byte[] Content)> HandleAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        var quote = await records.LoadAsync(id, actor, ct);
        var view = await records.ViewAsync(quote, ct);
        var activity = await activities.FindVisibleAsync(quote.ActivityId, actor, ct) ?? throw new DomainException(InvoicingErrors.NotFound);
        if (activity.ModuleCode != BusinessModules.Shows || quote.Status == QuoteStatus.Refused)
        {
            throw new DomainException(InvoicingErrors.CessionNotAShow);
        }

        var entity = (await entities.ListAsync(ct)).Single(e => e.Id == quote.LegalEntityId);
        var licence = entity.ProducerLicenceOn(quote.ServiceTo)
            ?? throw new DomainException(InvoicingErrors.CessionWithoutLicence, $"{entity.Name} ne détient pas de licence d'entrepreneur de spectacles de catégorie 2 valable jusqu'au {quote.ServiceTo:dd/MM/yyyy} : "
                + "elle ne peut pas vendre ce spectacle comme producteur.");
        var client = await clients.FindAsync(quote.ClientId, ct) ?? throw new DomainException(InvoicingErrors.NotFound);

        using var pdf = new PdfDocumentWriter($"Contrat de cession — {view.Number}", entity.Name);
        pdf.Title("Contrat de cession du droit d'exploitation d'un spectacle");
        pdf.Line($"Établi d'après le devis {view.Number}.");
        pdf.Space();
        pdf.Line($"Entre {entity.Name} ({entity.LegalForm}), SIREN {entity.Siren}, {entity.Street}, {entity.PostalCode} {entity.City},", strong: true);
        pdf.Line($"titulaire de la licence d'entrepreneur de spectacles de catégorie 2 (producteur) n° {licence.Number}, valable jusqu'au {licence.ValidUntil:dd/MM/yyyy},");
        pdf.Line("ci-après « le producteur », qui produit le spectacle pour son activité « " + activity.Name + " »,");
        pdf.Line($"et {client.Name}{(client.Siret is { } siret ? $", SIRET {siret}" : client.Siren is { } siren ? $", SIREN {siren}" : string.Empty)}, {client.AddressLine1}, {client.PostalCode} {client.City},", strong: true);
        pdf.Line("ci-après « l'organisateur ».");
        pdf.Space();
        pdf.Paragraph($"Article 1 — Objet. Le producteur cède à l'organisateur, qui l'accepte, le droit d'exploiter le spectacle décrit ci-dessous, du {quote.ServiceFrom:dd/MM/yyyy} au {quote.ServiceTo:dd/MM/yyyy}.");
        pdf.Table(["Spectacle et représentations", "Quantité", "Prix unitaire HT"], [300, 70, 110], new HashSet<int> { 1, 2 },
            view.Lines.Select(l => (IReadOnlyList<string>)[l.Description ?? string.Empty, l.Quantity ?? string.Empty, l.UnitPrice ?? string.Empty]));
        pdf.Paragraph("Article 2 — Obligations du producteur. Le producteur fournit le spectacle prêt à être représenté. Il est l'employeur des artistes et des techniciens "
            + "du spectacle : il les engage, les déclare, les rémunère et acquitte les cotisations sociales, en sa qualité de titulaire de la licence (art. L7122-2 et suivants du code du travail).");
        pdf.Paragraph("Article 3 — Obligations de l'organisateur. L'organisateur fournit le lieu en ordre de marche, aux normes de sécurité, son personnel d'accueil et de sécurité, "
            + "assure la billetterie s'il y en a une, et acquitte les droits d'auteur (SACEM, SACD) et les taxes sur les spectacles qui lui incombent.");
        pdf.Paragraph($"Article 4 — Prix. En contrepartie, l'organisateur paie au producteur {view.Net.ToDisplayString()} HT, TVA {view.Vat.ToDisplayString()}, soit {view.Gross.ToDisplayString()} TTC, "
            + "sur facture du producteur émise après la dernière représentation.");
        pdf.Paragraph("Article 5 — Annulation. Le contrat est suspendu ou annulé sans indemnité en cas de force majeure ; toute autre annulation par une partie lui fait devoir à l'autre les frais engagés.");
        pdf.Space();
        pdf.Line($"Fait en deux exemplaires, le {ParisTime.Local(quote.CreatedAt).ToString("dd/MM/yyyy", French)}.");
        pdf.Space();
        pdf.Line($"Pour le producteur, {entity.Name} (nom, qualité, signature) :", strong: true);
        pdf.Space(40);
        pdf.Line($"Pour l'organisateur, {client.Name} (nom, qualité, signature) :", strong: true);
        using var output = new MemoryStream();
        pdf.Save(output);
        return ($"contrat-de-cession-{view.Number}.pdf", output.ToArray());
    }

    public static void Map(RouteGroupBuilder quotes)
    {
        quotes.MapGet("/{id:guid}/cession-contract.pdf", async (Guid id, GetCessionContractPdf documents, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await documents.HandleAsync(id, await actors.GetAsync(ct), ct);
                return TypedResults.File(content, "application/pdf", name);
            })
            .WithName("CessionContractPdf").WithSummary("Le contrat de cession du spectacle (la coopérative productrice, sa licence), établi d'après le devis")
            .ProducesProblems().Produces(StatusCodes.Status200OK, contentType: "application/pdf");
    }
}
