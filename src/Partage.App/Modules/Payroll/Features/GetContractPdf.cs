using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
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
/// prévoyance bodies, trial period, Congés Spectacles fund for intermittents), and its signatures.
/// </summary>
public sealed class GetContractPdf(GetJob jobs, IMembersApi members, ILegalEntitiesApi entities, PartageDbContext db, IOptions<PayrollEmployerOptions> employer)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public async Task<(string FileName, byte[] Content)> HandleAsync(JobId id, Actor actor, CancellationToken ct = default)
    {
        var job = await jobs.LoadAsync(id, actor, ct);
        var (terms, employerName) = await TermsAsync(job, ct);
        var print = terms with
        {
            Signatures =
            [
                job.MemberSignedAt is { } signed
                    ? $"Signé en ligne par le salarié : {job.MemberSignatureName}, le {At(signed)} (heure de Paris) (adresse {job.MemberSignatureIp ?? "inconnue"})."
                    : "Signature du salarié : en attente.",
                job.CountersignedAt is { } countersigned
                    ? $"Contre-signé pour l'employeur par {job.CountersignatureName ?? job.CountersignedBy}, le {At(countersigned)} (heure de Paris)."
                    : "Contre-signature de l'employeur : en attente.",
            ],
            Evidence = await EvidenceAsync(job, ct),
        };
        return ($"contrat-{job.Number}.pdf", ContractDocument.Write(print, employerName));
    }

    /// <summary>
    /// SHA-256 of the contract's clauses — its print without signatures or evidence, as JSON — : what a signature binds. The
    /// same job gives the same fingerprint as long as its clauses do not change.
    /// </summary>
    public async Task<string> TermsSha256Async(Job job, CancellationToken ct = default) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes((await TermsAsync(job, ct)).Terms))).ToLowerInvariant();

    /// <summary>The contract's clauses, as printed (no signature yet), and the employing entity's name.</summary>
    private async Task<(ContractPrint Terms, string EmployerName)> TermsAsync(Job job, CancellationToken ct)
    {
        var view = (await jobs.ViewsAsync([job], ct))[0];
        var person = await members.EmployeeAsync(job.MemberId, ct) ?? throw new DomainException(PayrollErrors.NotFound);
        var entity = (await entities.ListAsync(ct)).Single(e => e.Id == job.LegalEntityId);
        var intermittent = job.Kind != EmployeeKind.RegimeGeneral;
        var licence = entity.Licences.Where(l => l.Category == 2).OrderByDescending(l => l.ValidUntil).FirstOrDefault();
        return (new ContractPrint(job.Number, intermittent, $"{entity.Name} ({entity.LegalForm}), SIREN {entity.Siren}, {entity.Street}, {entity.PostalCode} {entity.City}",
            $"{person.FirstName} {person.LastName}, né(e) le {person.BirthDate:dd/MM/yyyy}, demeurant {person.Street}, {person.PostalCode} {person.City}, "
            + $"numéro de sécurité sociale {(person.Nir is null ? "à compléter" : Nir.Parse(person.Nir).Masked)}, sociétaire n° {person.Number}",
            job.UsageReason, job.Start, job.End, job.TrialDays, view.Trade, job.Cadre, job.Production is { } production
                ? $"{job.Description} — fonction : {production.Function} ; {(production.Recording ? "enregistrement" : "spectacle")} « {production.Title} », organisateur {production.OrganiserName} (SIRET {production.OrganiserSiret}{(production.OrganiserLicence is { } organiserLicence ? $", licence {organiserLicence}" : string.Empty)})"
                : job.Description, job.Place, job.Hours, job.Cachets, view.Gross, job.Dfs,
            employer.Value.CollectiveAgreement,
            intermittent ? $"L'employeur est titulaire de la licence d'entrepreneur de spectacles {licence?.Number ?? "(aucune)"} (catégorie 2), valable jusqu'au {licence?.ValidUntil.ToString("dd/MM/yyyy", French) ?? "—"}." : null,
            [])
        {
            // As signed: a CDI refused later (RecordCdiRefusal) does not rewrite the contract.
            PrecarityExemption = job.PrecarityExemption == PrecarityExemptions.StudentHolidays ? job.PrecarityExemption : null,
        }, entity.Name);
    }

    /// <summary>The last page: who signed, when, from where, with which one-time code sent to which address, and the clauses' fingerprint.</summary>
    private async Task<IReadOnlyList<string>> EvidenceAsync(Job job, CancellationToken ct)
    {
        if (job.MemberSignatureCodeId is null)
        {
            return [];
        }

        var ids = new[] { job.MemberSignatureCodeId, job.CountersignatureCodeId }.OfType<Guid>().ToList();
        var sent = await db.Set<SignatureCode>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => SendSignatureCode.Masked(c.SentTo), ct);
        var evidence = new List<string>
        {
            $"Empreinte des clauses signées (SHA-256 du contrat sans ses signatures) : {job.SignedTermsSha256}.",
            $"Salarié : « {job.MemberSignatureName} », nom conforme à son état civil ; code à usage unique n° {job.MemberSignatureCodeId} envoyé à {sent.GetValueOrDefault(job.MemberSignatureCodeId.Value, "?")}, "
            + $"saisi le {At(job.MemberSignedAt!.Value)} (heure de Paris) depuis l'adresse {job.MemberSignatureIp ?? "inconnue"}.",
        };
        if (job.CountersignatureCodeId is { } countersignature)
        {
            evidence.Add($"Employeur : « {job.CountersignatureName} » (compte {job.CountersignedBy}) ; code à usage unique n° {countersignature} envoyé à {sent.GetValueOrDefault(countersignature, "?")}, "
                + $"saisi le {At(job.CountersignedAt!.Value)} (heure de Paris) depuis l'adresse {job.CountersignatureIp ?? "inconnue"}.");
        }

        return evidence;
    }

    private static string At(DateTime utc) => ParisTime.Local(utc).ToString("dd/MM/yyyy 'à' HH:mm:ss", French);

    public static void Map(RouteGroupBuilder jobs)
    {
        jobs.MapGet("/{id:guid}/contract.pdf", async (Guid id, GetContractPdf handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await handler.HandleAsync(JobId.From(id), await actors.GetAsync(ct), ct);
                return TypedResults.File(content, "application/pdf", name);
            })
            .WithName("ContractPdf").WithSummary("Le contrat en PDF, avec ses signatures").ProducesProblems().Produces(StatusCodes.Status200OK, contentType: "application/pdf");
    }
}
