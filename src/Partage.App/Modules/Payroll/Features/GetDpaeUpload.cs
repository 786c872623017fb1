using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;
using Partage.App.Modules.Audit;

namespace Partage.App.Modules.Payroll.Features;

public sealed class GetDpaeUpload(DpaeDeclarations hires, IAuditLog audit)
{
    /// <summary>The same hires as the DPAE upload file URSSAF takes (at most 100 per file).</summary>
    public async Task HandleAsync(DateOnly from, DateOnly to, bool test, Actor actor, Stream output, CancellationToken ct = default)
    {
        var declarations = await hires.ForPeriodAsync(from, to, actor, ct);
        if (declarations.Count == 0)
        {
            throw new DomainException(PayrollErrors.DpaeFile, $"Aucun contrat contre-signé du {from:dd/MM/yyyy} au {to:dd/MM/yyyy} : pas de fichier DPAE.");
        }

        if (declarations.Count > DpaeUpload.MaxDeclarations)
        {
            throw new DomainException(PayrollErrors.DpaeFile, $"{declarations.Count} embauches sur la période : un fichier DPAE en porte {DpaeUpload.MaxDeclarations} au plus, choisissez une période plus courte.");
        }

        await audit.RecordPersonalDataReadAsync(actor, $"dpae-{from:yyyyMMdd}-{to:yyyyMMdd}.xml", declarations.Count, ct);
        DpaeUpload.Write(declarations, test, output);
    }

    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapGet("/dpae.xml", async (string? from, string? to, bool? test, GetDpaeUpload handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var v = new Infrastructure.Validation();
                var start = v.Date("from", "La date de début", from, required: true);
                var end = v.Date("to", "La date de fin", to, required: true);
                v.ThrowIfInvalid();
                using var output = new MemoryStream();
                await handler.HandleAsync(start!.Value, end!.Value, test ?? false, await actors.GetAsync(ct), output, ct);
                return TypedResults.File(output.ToArray(), "application/xml; charset=iso-8859-1", $"dpae-{start:yyyyMMdd}-{end:yyyyMMdd}.xml");
            })
            .WithName("DpaeUpload").WithSummary("Le fichier de dépôt DPAE (FR_DUE_Upload, 100 déclarations au plus) des contrats contre-signés sur une période ; test=true pour un dépôt d'essai").ProducesProblems().Produces(StatusCodes.Status200OK, contentType: "application/xml");
    }
}
