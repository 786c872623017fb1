using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Payroll;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

/// <summary>One contract as the employer submits it, with the person hired (found again by social security number).</summary>
public sealed record StaffContractInput(
    string? LastName, string? FirstName, string? Nir, string? BirthDate, string? Iban, string? Kind, string? Cadre, string? Job, string? Event,
    string? Start, string? End, string? Hours, string? Cachets, string? Gross, string? Allowances, string? Dfs = null, string? BirthPlace = null, string? BirthCountry = null)
{
    /// <summary>A technician's days actually worked, when fewer than the contract's calendar days (their ceiling is daily).</summary>
    public string? WorkedDays { get; init; }
}

/// <summary>
/// The rules of an employer's contracts, one submitted online (SubmitStaffContract) or many in a
/// file (ImportStaffContracts): each checked (the mandate covers its dates, the DPAE precedes the
/// start, the SMIC, no overlap, hours and cachets a month), a file all or nothing with every
/// malformed line reported by its number; then the people and contracts recorded in one transaction.
/// </summary>
public sealed class StaffContractRecorder(PartageDbContext db, GetEmployer employers, ListStaffContracts views, IPayrollApi payroll, NumberSeries numbers, IAuditLog audit, TimeProvider clock)
{
    private DateOnly Today => clock.Today();

    /// <summary>Contracts are submitted by the employer's own accounts or by payroll staff; anyone else is told the employer does not exist.</summary>
    public async Task<EmployerView> RequireSubmitterAsync(EmployerId employerId, Actor actor, CancellationToken ct = default)
    {
        var employer = await employers.HandleAsync(employerId, actor, ct);
        return EmployersAccess.Manages(actor) || actor.EmployerId == employerId ? employer : throw new DomainException(EmployersErrors.NotFound);
    }

    internal async Task<ImportResult> RecordAsync(EmployerId employerId, IReadOnlyList<StaffContractInput> inputs, Actor actor, bool fromFile, CancellationToken ct)
    {
        var employer = await RequireSubmitterAsync(employerId, actor, ct);
        var problems = new Problems(fromFile);
        var checkedRows = await CheckAllAsync(employer, inputs, problems, ct);
        var nirs = checkedRows.Select(r => r.Row.Nir.Value).Distinct().ToList();
        var known = await db.Set<StaffMember>().Where(s => s.EmployerId == employerId && nirs.Contains(s.Nir)).ToDictionaryAsync(s => s.Nir, ct);
        await CheckOverlapsAsync(checkedRows, known, problems, ct);
        problems.ThrowIfAny();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var saved = await InsertAsync(employerId, checkedRows.Select(r => r.Row).ToList(), known, actor, fromFile, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ImportResult(saved.Count, await views.ViewsAsync(saved, ct));
    }

    /// <summary>Every row checked on its own and against the employer's mandates; the problems gathered, not the first only.</summary>
    private async Task<List<(int Index, Checked Row)>> CheckAllAsync(EmployerView employer, IReadOnlyList<StaffContractInput> inputs, Problems problems, CancellationToken ct)
    {
        var minima = await payroll.MinimaAsync(employer.CollectiveAgreement, ct);   // once for the whole file
        var checkedRows = new List<(int Index, Checked Row)>();
        for (var i = 0; i < inputs.Count; i++)
        {
            try
            {
                var row = Check(inputs[i]);
                if (!employer.Mandates.Any(m => m.SignedOn <= row.Start && (m.TerminatedOn is not { } last || row.End <= last)))
                {
                    throw new InputValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["Start"] = [EmployersErrors.OutsideMandate.Message] });
                }

                if (row.Kind != EmployeeKind.RegimeGeneral && IntermittentRefusal(employer, row.End) is { } refusal)
                {
                    throw new InputValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["Kind"] = [refusal] });
                }

                // An intermittent's job is a function of annex 8 or 10, as for the members' jobs.
                if (IntermittentFunctions.Refusal(row.Kind, row.Job) is { } outside)
                {
                    throw new InputValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["Job"] = [outside] });
                }

                // The SMIC, or the employer's agreement's minimum for every trade ("*": staff jobs are free text), per hour or cachet.
                if (minima.Shortfall(null, row.Start, row.Hours, row.Cachets, row.Gross) is { } underpaid)
                {
                    throw new InputValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["Gross"] = [underpaid] });
                }

                checkedRows.Add((i, row));
            }
            catch (InputValidationException e)
            {
                foreach (var (field, messages) in e.Errors)
                {
                    problems.Add(i, field, messages);
                }
            }
        }

        return checkedRows;
    }

    /// <summary>Overlaps: within the submission, then against the contracts already recorded for the same people.</summary>
    private async Task CheckOverlapsAsync(List<(int Index, Checked Row)> checkedRows, Dictionary<string, StaffMember> known, Problems problems, CancellationToken ct)
    {
        var knownIds = known.Values.Select(s => s.Id).ToList();
        var recorded = await db.Set<StaffContract>().AsNoTracking().Where(c => knownIds.Contains(c.StaffMemberId)).Select(c => new { c.StaffMemberId, c.Start, c.End, c.Number }).ToListAsync(ct);
        for (var i = 0; i < checkedRows.Count; i++)
        {
            var (index, row) = checkedRows[i];
            var clash = checkedRows.Take(i).Select(other => other.Row).FirstOrDefault(other => other.Nir == row.Nir && other.Start <= row.End && other.End >= row.Start);
            var recordedClash = known.TryGetValue(row.Nir.Value, out var person) ? recorded.FirstOrDefault(c => c.StaffMemberId == person.Id && c.Start <= row.End && c.End >= row.Start) : null;
            if (clash is not null || recordedClash is not null)
            {
                problems.Add(index, "Start", [$"ces dates chevauchent {(recordedClash is not null ? "le contrat " + recordedClash.Number : "une autre ligne du fichier")} de la même personne."], nameField: false);
            }
        }
    }

    /// <summary>The people (new ones created, known ones updated) and their contracts, numbered as one block per year rather than one query per line.</summary>
    private async Task<List<StaffContract>> InsertAsync(
        EmployerId employerId, IReadOnlyList<Checked> rows, Dictionary<string, StaffMember> known, Actor actor, bool fromFile, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var next = new Dictionary<int, long>();
        foreach (var year in rows.GroupBy(r => r.Start.Year))
        {
            next[year.Key] = await numbers.NextBlockAsync($"staff-contract:{year.Key}", year.Count(), ct) - year.Count() + 1;
        }

        var saved = new List<StaffContract>();
        foreach (var row in rows)
        {
            if (!known.TryGetValue(row.Nir.Value, out var person))
            {
                person = new StaffMember { Id = Guid.CreateVersion7(), EmployerId = employerId, Nir = row.Nir.Value, CreatedAt = now };
                db.Add(person);
                known[row.Nir.Value] = person;
            }

            (person.FirstName, person.LastName, person.BirthDate, person.Iban) = (row.FirstName, row.LastName, row.BirthDate, row.Iban.Value);
            if (row.BirthPlace is not null)
            {
                // A contract without them keeps what an earlier one gave (the DSN asks for them).
                (person.BirthPlace, person.BirthCountry) = (row.BirthPlace, row.BirthCountry);
            }
            var contract = new StaffContract
            {
                Id = Guid.CreateVersion7(), Number = $"GC-{row.Start.Year}-{next[row.Start.Year]++:D6}", EmployerId = employerId,
                StaffMemberId = person.Id, Kind = row.Kind, Cadre = row.Cadre, Job = row.Job, Event = row.Event, Start = row.Start, End = row.End, Hours = row.Hours,
                Cachets = row.Cachets, GrossCents = row.Gross.Cents, AllowancesCents = row.Allowances.Cents, Dfs = row.Dfs, WorkedDays = row.WorkedDays, DpaeRecordedAt = now, CreatedAt = now, CreatedBy = actor.Name,
            };
            db.Add(contract);
            saved.Add(contract);
            audit.Record(actor, "employers.contract_submitted", "employer_contract", contract.Id.ToString(), null,
                new { contract.Number, Employer = employerId.Value, contract.GrossCents, contract.AllowancesCents, Source = fromFile ? "csv" : "form" });
        }

        return saved;
    }

    /// <summary>
    /// Why this employer may not hire an intermittent until <paramref name="end"/>, or null when it may: only employers of
    /// live performance, cinema and audiovisual, or recording — as their APE code says — hire under annexes 8 and 10, and a live-performance employer
    /// holds a valid licence (or declaration receipt, L7122-3). Anyone else organising a show occasionally declares its
    /// artists and technicians to the GUSO (L7122-22 and following).
    /// </summary>
    public static string? IntermittentRefusal(EmployerView employer, DateOnly end)
    {
        ArgumentNullException.ThrowIfNull(employer);
        return employer.Sector switch
        {
            EmployerSector.Other => $"{employer.Name} n'a pas pour activité le spectacle, le cinéma, l'audiovisuel ou l'enregistrement : il ne peut pas engager d'intermittent (annexes 8 et 10). "
                + "Un organisateur occasionnel de spectacles déclare ses artistes et techniciens au GUSO (www.guso.fr, art. L7122-22 du code du travail) ; un contrat de droit commun reste possible ici.",
            var sector when !SectorActivityCodes.Fits(sector, employer.Ape) =>
                $"Le code APE de {employer.Name} ({employer.Ape}) n'est pas celui d'une activité de {Labels.Sector(sector)} ({string.Join(", ", SectorActivityCodes.Of(sector))}) : "
                + "l'activité principale enregistrée par l'INSEE ne permet pas d'engager des intermittents (annexes 8 et 10). Un organisateur dont ce n'est pas l'activité principale "
                + "déclare ses artistes et techniciens au GUSO (art. L7122-22 du code du travail) ; si le code ne correspond pas à l'activité, faites-le corriger par l'INSEE puis sur la fiche de l'employeur.",
            EmployerSector.LivePerformance when employer.LicenceNumber is null || employer.LicenceValidUntil < end =>
                $"{employer.Name} n'a pas de licence d'entrepreneur de spectacles (ou de récépissé de déclaration, art. L7122-3 du code du travail) valable jusqu'au {end:dd/MM/yyyy} : "
                + "pas de contrat d'intermittent du spectacle. Renseignez la licence sur la fiche de l'employeur.",
            _ => MissingAffiliations(employer),
        };
    }

    /// <summary>
    /// Compulsory affiliations are not switches: an employer of intermittents is a member of the Congés Spectacles fund
    /// (D7121-28) and of Audiens (retirement and provident schemes of the entertainment trades); the payslips then compute
    /// both, and the CMB (occupational health), for every intermittent. Without their numbers on file, no contract.
    /// </summary>
    private static string? MissingAffiliations(EmployerView employer)
    {
        var missing = new[] { ("Congés Spectacles", @"cong[eé]s\s+spectacles\D{0,10}\d{3,}"), ("Audiens", @"audiens\D{0,10}\d{3,}") }
            .Where(fund => !System.Text.RegularExpressions.Regex.IsMatch(employer.FundReferences, fund.Item2, System.Text.RegularExpressions.RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)))
            .Select(fund => fund.Item1).ToList();
        return missing.Count == 0 ? null
            : $"{employer.Name} n'a pas renseigné son numéro d'adhérent {string.Join(" et ", missing)} : l'affiliation est obligatoire pour engager un intermittent "
              + "(art. D7121-28 du code du travail pour les Congés Spectacles ; Audiens pour la retraite complémentaire et la prévoyance du spectacle). Complétez les références des caisses sur la fiche de l'employeur.";
    }

    private sealed record Checked(
        string LastName, string FirstName, Nir Nir, DateOnly BirthDate, Iban Iban, EmployeeKind Kind, bool Cadre, string Job, string Event,
        DateOnly Start, DateOnly End, decimal? Hours, int? Cachets, Money Gross, Money Allowances, string? Dfs, string? BirthPlace, string? BirthCountry, int? WorkedDays);

    private Checked Check(StaffContractInput input)
    {
        var v = new Validation();
        var lastName = v.PersonName("LastName", "Le nom", input.LastName, 100);
        var firstName = v.PersonName("FirstName", "Le prénom", input.FirstName, 100);
        var nir = v.Parsed<Nir>("Nir", input.Nir, Nir.TryParse);
        if (string.IsNullOrWhiteSpace(input.Nir))
        {
            v.Add("Nir", "Le numéro de sécurité sociale est obligatoire (DPAE).");
        }

        var birth = v.Date("BirthDate", "La date de naissance", input.BirthDate, required: true);
        var (birthPlace, birthCountry) = Birthplace.Check(v, "BirthPlace", "BirthCountry", input.BirthPlace, input.BirthCountry, nir?.Value);
        var iban = v.Parsed<Iban>("Iban", input.Iban, Iban.TryParse);
        if (string.IsNullOrWhiteSpace(input.Iban))
        {
            v.Add("Iban", "L'IBAN est obligatoire : le salaire est payé par virement.");
        }

        var kind = ContractTerms.Kind(input.Kind);
        if (kind is null)
        {
            v.Add("Kind", ContractTerms.KindRefused);
        }

        var cadre = input.Cadre?.Trim().ToLowerInvariant() is "oui" or "true" or "1";
        if (input.Cadre?.Trim().ToLowerInvariant() is not (null or "" or "oui" or "non" or "true" or "false" or "0" or "1"))
        {
            v.Add("Cadre", "Cadre : oui ou non.");
        }

        var job = v.Required("Job", "L'emploi", input.Job, 100);
        var eventName = v.Optional("Event", "L'événement", input.Event, 200) ?? string.Empty;
        var start = v.Date("Start", "La date de début", input.Start, required: true);
        var end = v.Date("End", "La date de fin", input.End, required: true);
        var hours = v.Hours("Hours", input.Hours, required: kind is EmployeeKind.RegimeGeneral or EmployeeKind.IntermittentTechnician);
        var cachets = v.Cachets("Cachets", input.Cachets, required: kind == EmployeeKind.IntermittentArtist && hours is null);
        var gross = v.Amount("Gross", "Le salaire brut", input.Gross, required: true);
        var allowances = string.IsNullOrWhiteSpace(input.Allowances) || input.Allowances.Trim() is "0" or "0,00" or "0.00"
            ? Money.ZeroEur : v.Amount("Allowances", "Les frais avancés", input.Allowances, required: false) ?? Money.ZeroEur;
        var (dfs, workedDays) = ContractOptions.Check(v, input.Dfs, input.WorkedDays, kind);
        foreach (var term in ContractTerms.Check(start, end, hours, cachets, gross, Today, workedDays).Broken)
        {
            v.Add(term.Field, term.Message);
        }

        v.ThrowIfInvalid();
        return new Checked(lastName.ToUpperInvariant(), firstName, nir!, birth!.Value, iban!, kind!.Value, cadre, job, eventName, start!.Value, end!.Value, hours,
            (int?)cachets, gross!.Value, allowances, dfs, birthPlace, birthCountry, (int?)workedDays);
    }

    /// <summary>A file's problems are reported by line (line 1 is the header: the first contract is on line 2), a form's by field.</summary>
    private sealed class Problems(bool fromFile)
    {
        private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

        /// <summary>A file's line names the field at fault, unless the message concerns the whole line.</summary>
        public void Add(int index, string field, IEnumerable<string> messages, bool nameField = true)
        {
            var key = fromFile ? $"ligne {index + 2}" : field;
            if (!errors.TryGetValue(key, out var list))
            {
                errors[key] = list = [];
            }

            list.AddRange(messages.Select(m => !fromFile ? m : nameField ? $"{key} : {field} : {m}" : $"{key} : {m}"));
        }

        public void ThrowIfAny()
        {
            if (errors.Count > 0)
            {
                throw new InputValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
            }
        }
    }
}
