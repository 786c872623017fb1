using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using CsvHelper;
using CsvHelper.Configuration;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

/// <summary>
/// The fixed-term contract as PDF, with the clauses the Code du travail requires of a CDD or a CDD
/// d'usage (art. L1242-12 and L1242-13: reason, dates, job, pay, collective agreement, pension and
/// prévoyance bodies, trial period, Congés Spectacles fund for intermittents), and the DPAE data
/// of the contracts countersigned in a period.
/// </summary>
public sealed class ContractDocuments(
    PartageDbContext db, GetJob jobs, IMembersApi members, IHiringSource staffHires, ILegalEntitiesApi entities, IOptions<PayrollEmployerOptions> employer, IOptions<PayrollOptions> options)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public async Task<(string FileName, byte[] Content)> ContractPdfAsync(JobId id, Actor actor, CancellationToken ct = default)
    {
        var job = await jobs.LoadAsync(id, actor, ct);
        var view = (await jobs.ViewsAsync([job], ct))[0];
        var person = await members.EmployeeAsync(job.MemberId, ct) ?? throw new DomainException(PayrollErrors.NotFound);
        var entity = (await entities.ListAsync(ct)).Single(e => e.Id == job.LegalEntityId);
        var intermittent = job.Kind != EmployeeKind.RegimeGeneral;
        var licence = entity.Licences.Where(l => l.Category == 2).OrderByDescending(l => l.ValidUntil).FirstOrDefault();
        var content = ContractDocument.Write(new ContractPrint(job.Number, intermittent, $"{entity.Name} ({entity.LegalForm}), SIREN {entity.Siren}, {entity.Street}, {entity.PostalCode} {entity.City}",
            $"{person.FirstName} {person.LastName}, né(e) le {person.BirthDate:dd/MM/yyyy}, demeurant {person.Street}, {person.PostalCode} {person.City}, "
            + $"numéro de sécurité sociale {(person.Nir is null ? "à compléter" : Nir.Parse(person.Nir).Masked)}, sociétaire n° {person.Number}",
            job.UsageReason, job.Start, job.End, TrialDays(job), view.Trade, job.Cadre, job.Description, job.Place, job.Hours, job.Cachets, view.Gross, job.Dfs,
            employer.Value.CollectiveAgreement,
            intermittent ? $"L'employeur est titulaire de la licence d'entrepreneur de spectacles {licence?.Number ?? "(aucune)"} (catégorie 2), valable jusqu'au {licence?.ValidUntil.ToString("dd/MM/yyyy", French) ?? "—"}." : null,
            [
                job.MemberSignedAt is { } signed
                    ? $"Signé en ligne par le salarié : {job.MemberSignatureName}, le {ParisTime.Local(signed).ToString("dd/MM/yyyy 'à' HH:mm", French)} (heure de Paris) (adresse {job.MemberSignatureIp ?? "inconnue"})."
                    : "Signature du salarié : en attente.",
                job.CountersignedAt is { } countersigned
                    ? $"Contre-signé pour l'employeur par {job.CountersignedBy}, le {ParisTime.Local(countersigned).ToString("dd/MM/yyyy 'à' HH:mm", French)} (heure de Paris)."
                    : "Contre-signature de l'employeur : en attente.",
            ]), entity.Name);
        return ($"contrat-{job.Number}.pdf", content);
    }

    /// <summary>
    /// The DPAE data of the contracts countersigned between two dates, one line per hire, as CSV
    /// (employer, employee with NIR and birth date, hiring date and time, contract type and end,
    /// trial period, occupational health service, when it was recorded).
    /// </summary>
    public async Task DpaeCsvAsync(DateOnly from, DateOnly to, Actor actor, Stream output, CancellationToken ct = default)
    {
        var declarations = await DeclarationsAsync(from, to, actor, ct);
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        foreach (var header in new[]
                 {
                     "contrat", "siret", "raison_sociale", "adresse_employeur", "nom", "prenom", "nir", "date_naissance", "date_embauche", "heure_embauche",
                     "nature_contrat", "date_fin", "periode_essai_jours", "sante_travail", "enregistree_le",
                 })
        {
            csv.WriteField(header);
        }

        await csv.NextRecordAsync();
        foreach (var d in declarations)
        {
            foreach (var field in new[]
                     {
                         d.Contract, d.Siret, d.EmployerName, $"{d.Street}, {d.PostalCode} {d.City}", d.LastName, d.FirstName, d.Nir.Value, Iso(d.BirthDate), Iso(d.Start),
                         d.StartTime.ToString("HH:mm", CultureInfo.InvariantCulture), d.NatureCode, Iso(d.End), d.TrialDays.ToString(CultureInfo.InvariantCulture), d.HealthService,
                         d.RecordedAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                     })
            {
                csv.WriteField(field);
            }

            await csv.NextRecordAsync();
        }
    }

    /// <summary>The same hires as the DPAE upload file URSSAF takes (at most 100 per file).</summary>
    public async Task DpaeXmlAsync(DateOnly from, DateOnly to, bool test, Actor actor, Stream output, CancellationToken ct = default)
    {
        var declarations = await DeclarationsAsync(from, to, actor, ct);
        if (declarations.Count == 0)
        {
            throw new DomainException(PayrollErrors.DpaeFile, $"Aucun contrat contre-signé du {from:dd/MM/yyyy} au {to:dd/MM/yyyy} : pas de fichier DPAE.");
        }

        if (declarations.Count > DpaeUpload.MaxDeclarations)
        {
            throw new DomainException(PayrollErrors.DpaeFile, $"{declarations.Count} embauches sur la période : un fichier DPAE en porte {DpaeUpload.MaxDeclarations} au plus, choisissez une période plus courte.");
        }

        DpaeUpload.Write(declarations, test, output);
    }

    private async Task<IReadOnlyList<DpaeDeclaration>> DeclarationsAsync(DateOnly from, DateOnly to, Actor actor, CancellationToken ct)
    {
        PayrollAccess.RequireStaff(actor);
        var start = ParisTime.UtcStartOf(from);   // the hires recorded on those days in Paris
        var end = ParisTime.UtcStartOf(to.AddDays(1));
        var hires = await db.Set<Job>().AsNoTracking().Where(j => j.DpaeRecordedAt >= start && j.DpaeRecordedAt < end).OrderBy(j => j.DpaeRecordedAt).ToListAsync(ct);
        var entityList = (await entities.ListAsync(ct)).ToDictionary(e => e.Id);
        var people = await members.EmployeesAsync(hires.Select(j => j.MemberId).Distinct().ToList(), ct);
        var missing = hires.Select(j => entityList[j.LegalEntityId].Code).Distinct().Where(code => Establishment(code) is null).ToList();
        if (missing.Count > 0)
        {
            throw new DomainException(PayrollErrors.DpaeFile,
                $"Les références DPAE de {string.Join(", ", missing)} sont à configurer (Payroll:Establishments:CODE : Nic, Ape, UrssafCode, Phone).");
        }

        // The staff of employers under mandate: the cooperative declares them as their declarant.
        var declarant = entityList.Values.First(e => e.Modules.Contains(BusinessModules.ContractManagement));
        var staff = await staffHires.DpaeDeclarationsAsync(from, to, Establishment(declarant.Code)?.Phone ?? string.Empty, ct);
        return hires.Select(job =>
        {
            var entity = entityList[job.LegalEntityId];
            var establishment = Establishment(entity.Code)!;
            var person = people[job.MemberId];
            var regimeGeneral = job.Kind == EmployeeKind.RegimeGeneral;
            return new DpaeDeclaration(job.Number, entity.Siren + establishment.Nic, entity.Name, establishment.Ape!, establishment.UrssafCode!, entity.Street, entity.PostalCode,
                entity.City, establishment.Phone!, person.LastName, person.FirstName, Nir.Parse(person.Nir), person.BirthDate, job.ContractType == ContractType.Cdd ? "CDD" : "CDDU", job.Start, new TimeOnly(9, 0), job.End,
                regimeGeneral ? TrialDays(job) : 0, regimeGeneral ? "Service de santé au travail interentreprises" : "CMB", job.DpaeRecordedAt);
        }).Concat(staff).ToList();
    }

    /// <summary>One day per week of contract, at most two weeks (art. L1242-10); none for a CDD d'usage here.</summary>
    internal static int TrialDays(Job job) => Math.Max(1, Math.Min(job.Days / 7, 14));

    private EstablishmentOptions? Establishment(string code) => options.Value.Establishment(code);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static void Map(RouteGroupBuilder jobs, RouteGroupBuilder staff)
    {
        jobs.MapGet("/{id:guid}/contract.pdf", async (Guid id, Features.ContractDocuments documents, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await documents.ContractPdfAsync(JobId.From(id), await actors.GetAsync(ct), ct);
                return TypedResults.File(content, "application/pdf", name);
            })
            .WithName("ContractPdf").WithSummary("Le contrat en PDF, avec ses signatures").ProducesProblems().Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        staff.MapGet("/dpae.csv", async (string? from, string? to, Features.ContractDocuments documents, ActorAccessor actors, HttpContext http, CancellationToken ct) =>
            {
                var v = new Infrastructure.Validation();
                var start = v.Date("from", "La date de début", from, required: true);
                var end = v.Date("to", "La date de fin", to, required: true);
                v.ThrowIfInvalid();
                var actor = await actors.GetAsync(ct);
                PayrollAccess.RequireStaff(actor);
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=dpae-{start:yyyyMMdd}-{end:yyyyMMdd}.csv";
                await documents.DpaeCsvAsync(start!.Value, end!.Value, actor, http.Response.Body, ct);
            })
            .WithName("DpaeExport").WithSummary("Les données DPAE des contrats contre-signés sur une période (CSV, service paie)").Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblems();
        staff.MapGet("/dpae.xml", async (string? from, string? to, bool? test, Features.ContractDocuments documents, ActorAccessor actors, CancellationToken ct) =>
            {
                var v = new Infrastructure.Validation();
                var start = v.Date("from", "La date de début", from, required: true);
                var end = v.Date("to", "La date de fin", to, required: true);
                v.ThrowIfInvalid();
                using var output = new MemoryStream();
                await documents.DpaeXmlAsync(start!.Value, end!.Value, test ?? false, await actors.GetAsync(ct), output, ct);
                return TypedResults.File(output.ToArray(), "application/xml; charset=iso-8859-1", $"dpae-{start:yyyyMMdd}-{end:yyyyMMdd}.xml");
            })
            .WithName("DpaeUpload").WithSummary("Le fichier de dépôt DPAE (FR_DUE_Upload, 100 déclarations au plus) des contrats contre-signés sur une période ; test=true pour un dépôt d'essai").ProducesProblems().Produces(StatusCodes.Status200OK, contentType: "application/xml");
    }
}
