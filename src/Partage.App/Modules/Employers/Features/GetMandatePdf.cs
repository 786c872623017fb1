using System.Globalization;
using Partage.App.Infrastructure.Http;
using Partage.App.Infrastructure.Pdf;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Employers.Features;

/// <summary>The mandate as the employer signs it, with the cooperative's name and the management fee rate in force at signature (the dated fee rule of the service).</summary>
public sealed class GetMandatePdf(GetEmployer view, EmployerAccounts accounts, ILedgerApi ledger)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The mandate as PDF: the parties, its type and what the cooperative does under it, its yearly validity and its periods.</summary>
    public async Task<(string FileName, byte[] Content)> HandleAsync(EmployerId id, Guid mandateId, Actor actor, CancellationToken ct = default)
    {
        var employer = await view.HandleAsync(id, actor, ct);
        var mandate = employer.Mandates.SingleOrDefault(m => m.Id == mandateId) ?? throw new DomainException(EmployersErrors.NotFound);
        var cooperative = await accounts.EntityAsync(ct);
        var rate = await ledger.FeeRateAsync(cooperative.Id, BusinessModules.ContractManagement, mandate.SignedOn, ct);
        using var pdf = new PdfDocumentWriter($"Mandat de gestion de la paie — {employer.Name}", cooperative.Name);
        pdf.Title(mandate.Kind == MandateKind.Complete ? "Mandat complet de gestion de la paie" : "Mandat partiel de gestion de la paie");
        pdf.Line($"Entre {employer.Name} ({Labels.LegalForm(employer.LegalForm)}), SIRET {employer.Siret}, code APE {employer.Ape}, {employer.Street}, {employer.PostalCode} {employer.City}, ci-après « l'employeur »,");
        pdf.Line($"et {cooperative.Name}, coopérative, SIREN {cooperative.Siren}, ci-après « la coopérative ».");
        pdf.Space();
        pdf.Paragraph("Article 1 — Objet. L'employeur confie à la coopérative, qui l'accepte, la gestion administrative de la paie de ses salariés : déclarations préalables à l'embauche, "
            + "contrats de travail, bulletins de paie et attestations, avance des salaires nets, payés au plus tard 7 jours après la fin de chaque travail, et des frais de l'employeur (repas, hébergement)"
            + (mandate.Kind == MandateKind.Complete ? ", ainsi que les déclarations sociales et l'avance des cotisations et contributions sociales." : ". L'employeur reste chargé de ses déclarations sociales et du paiement des cotisations."));
        pdf.Paragraph($"Article 2 — Convention collective et organismes. Convention IDCC {employer.CollectiveAgreement} ; URSSAF {employer.UrssafReference} ; caisses : {employer.FundReferences} ; taux AT/MP {(employer.AtMpRate * 100).ToString("0.00", French)} %.");
        pdf.Paragraph("Article 3 — Rémunération. La coopérative facture à chaque période de paie, en une facture : les salaires nets"
            + (mandate.Kind == MandateKind.Complete ? ", les cotisations sociales" : string.Empty)
            + ", les frais avancés à leur coût, et des frais de gestion soumis à la TVA, au taux en vigueur à chaque période"
            + (rate is { } r ? $" ({r.ToString("0.##", French)} % HT de la masse salariale brute au jour de la signature)." : " (grille tarifaire de la coopérative)."));
        pdf.Paragraph($"Article 4 — Durée. Le mandat est signé le {mandate.SignedOn:dd/MM/yyyy} par {mandate.SignedBy}. Il vaut pour l'année civile : la première période court jusqu'au 31 décembre suivant la signature ; "
            + "il se renouvelle ensuite le 1er janvier de chaque année, sauf résiliation. Tout contrat hors des périodes du mandat est refusé.");
        pdf.Space();
        pdf.Line("Périodes du mandat :", strong: true);
        foreach (var period in mandate.Periods)
        {
            pdf.Line($"du {period.Start:dd/MM/yyyy} au {period.End:dd/MM/yyyy}");
        }

        if (mandate.TerminatedOn is { } last)
        {
            pdf.Line($"Résilié : dernier jour le {last:dd/MM/yyyy} ({mandate.TerminationReason}).");
        }

        using var output = new MemoryStream();
        pdf.Save(output);
        return ($"mandat-{employer.Siret}-{mandate.SignedOn:yyyyMMdd}.pdf", output.ToArray());
    }

    public static void Map(RouteGroupBuilder employers)
    {
        employers.MapGet("/{id:guid}/mandates/{mandate:guid}.pdf", async (Guid id, Guid mandate, GetMandatePdf documents, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await documents.HandleAsync(EmployerId.From(id), mandate, await actors.GetAsync(ct), ct);
                return TypedResults.File(content, "application/pdf", name);
            })
            .WithName("MandatePdf").WithSummary("Le mandat en PDF, avec ses périodes").ProducesProblems().Produces(StatusCodes.Status200OK, contentType: "application/pdf");
    }
}
