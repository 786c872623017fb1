using System.Globalization;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.App.Modules.Audit;

namespace Partage.App.Modules.Payroll.Features;

public sealed class ExportDpaeCsv(DpaeDeclarations hires, IAuditLog audit)
{
    /// <summary>
    /// The DPAE data of the contracts countersigned between two dates, one line per hire, as CSV
    /// (employer, employee with NIR and birth date, hiring date and time, contract type and end,
    /// trial period, occupational health service, when it was recorded).
    /// </summary>
    public async Task HandleAsync(DateOnly from, DateOnly to, Actor actor, Stream output, CancellationToken ct = default)
    {
        var declarations = await hires.ForPeriodAsync(from, to, actor, ct);
        await audit.RecordPersonalDataReadAsync(actor, $"dpae-{from:yyyyMMdd}-{to:yyyyMMdd}.csv", declarations.Count, ct);
        string[] headers =
        [
            "contrat", "siret", "raison_sociale", "adresse_employeur", "nom", "prenom", "nir", "date_naissance", "date_embauche", "heure_embauche",
            "nature_contrat", "date_fin", "periode_essai_jours", "sante_travail", "enregistree_le",
        ];
        await SpreadsheetCsv.WriteAsync(output, headers, declarations.Select(d => (IReadOnlyList<string?>)
        [
            d.Contract, d.Siret, d.EmployerName, $"{d.Street}, {d.PostalCode} {d.City}", d.LastName, d.FirstName, d.Nir.Value, Iso(d.BirthDate), Iso(d.Start),
            d.StartTime.ToString("HH:mm", CultureInfo.InvariantCulture), d.NatureCode, Iso(d.End), d.TrialDays.ToString(CultureInfo.InvariantCulture), d.HealthService,
            d.RecordedAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ]), ct);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapGet("/dpae.csv", async (string? from, string? to, ExportDpaeCsv handler, ActorAccessor actors, HttpContext http, CancellationToken ct) =>
            {
                var v = new Infrastructure.Validation();
                var start = v.Date("from", "La date de début", from, required: true);
                var end = v.Date("to", "La date de fin", to, required: true);
                v.ThrowIfInvalid();
                var actor = await actors.GetAsync(ct);
                PayrollAccess.RequireStaff(actor);
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=dpae-{start:yyyyMMdd}-{end:yyyyMMdd}.csv";
                await handler.HandleAsync(start!.Value, end!.Value, actor, http.Response.Body, ct);
            })
            .WithName("DpaeExport").WithSummary("Les données DPAE des contrats contre-signés sur une période (CSV, service paie)").Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblems();
    }
}
