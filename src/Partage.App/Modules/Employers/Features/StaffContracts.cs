using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Infrastructure.Http;
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
    string? Start, string? End, string? Hours, string? Cachets, string? Gross, string? Allowances, string? Dfs = null);

public sealed record StaffContractView(
    Guid Id, string Number, EmployerId EmployerId, string StaffName, EmployeeKind Kind, bool Cadre, string Job, string Event, DateOnly Start, DateOnly End,
    decimal? Hours, int? Cachets, Money Gross, Money Allowances, DateTime DpaeRecordedAt)
{
    /// <summary>Its employment certificate can be made: the last month is paid and every payslip validated.</summary>
    public bool Certifiable { get; init; }

    /// <summary>The DFS the artist consented to (dramatic or musician), if any.</summary>
    public string? Dfs { get; init; }
}

/// <summary>
/// Contracts employers submit for their staff, online one by one or as a CSV file (ImportStaffContracts): each checked
/// (the mandate covers its dates, the DPAE precedes the start, the SMIC, no overlap, hours and
/// cachets a month), a file all or nothing with every malformed line reported by its number.
/// </summary>
public sealed class StaffContracts(PartageDbContext db, GetEmployer employers, IPayrollApi payroll, NumberSeries numbers, IAuditLog audit, TimeProvider clock)
{
    private DateOnly Today => clock.Today();

    public async Task<StaffContractView> SubmitAsync(EmployerId employer, StaffContractInput input, Actor actor, CancellationToken ct = default)
    {
        var result = await SaveAsync(employer, [input], actor, fromFile: false, ct);
        return result.Contracts[0];
    }

    public async Task<PagedResult<StaffContractView>> ListAsync(EmployerId employer, PageRequest page, Actor actor, CancellationToken ct = default)
    {
        await employers.HandleAsync(employer, actor, ct);
        var query = db.Set<StaffContract>().AsNoTracking().Where(c => c.EmployerId == employer);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.Start).ThenByDescending(c => c.Number).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedResult<StaffContractView>(await ViewsAsync(rows, ct), page.Page, page.Size, total);
    }

    /// <summary>The contract as PDF, the same document as the members' with the employer as employer; the employee signs it with the employer.</summary>
    public async Task<(string FileName, byte[] Content)> PdfAsync(EmployerId employerId, Guid id, Actor actor, CancellationToken ct = default)
    {
        var employer = await employers.HandleAsync(employerId, actor, ct);
        var contract = await db.Set<StaffContract>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.EmployerId == employerId, ct) ?? throw new DomainException(EmployersErrors.NotFound);
        var person = await db.Set<StaffMember>().AsNoTracking().SingleAsync(s => s.Id == contract.StaffMemberId, ct);
        var intermittent = contract.Kind != EmployeeKind.RegimeGeneral;
        var french = CultureInfo.GetCultureInfo("fr-FR");
        var content = payroll.ContractPdf(new ContractPrint(contract.Number, intermittent,
            $"{employer.Name} ({Labels.LegalForm(employer.LegalForm)}), SIRET {employer.Siret}, {employer.Street}, {employer.PostalCode} {employer.City}, dont la paie est gérée par mandat par la coopérative",
            $"{person.FullName}, né(e) le {person.BirthDate.ToString("dd/MM/yyyy", french)}, numéro de sécurité sociale {Nir.Parse(person.Nir).Masked}",
            intermittent
                ? $"Emploi par nature temporaire dans le secteur du spectacle, où il est d'usage constant de ne pas recourir au CDI (art. L1242-2 3° et D1242-1 6° du code du travail){(contract.Event.Length > 0 ? " : " + contract.Event : string.Empty)}"
                : $"Accroissement temporaire d'activité (art. L1242-2 2° du code du travail){(contract.Event.Length > 0 ? " : " + contract.Event : string.Empty)}",
            contract.Start, contract.End, Math.Max(1, Math.Min((contract.End.DayNumber - contract.Start.DayNumber + 1) / 7, 14)), contract.Job, contract.Cadre,
            contract.Event.Length > 0 ? contract.Event : contract.Job, $"{employer.City}", contract.Hours, contract.Cachets, Money.Eur(contract.GrossCents), contract.Dfs,
            employer.CollectiveAgreement, null,
            [
                $"Établi pour l'employeur par {contract.CreatedBy} le {ParisTime.Local(contract.CreatedAt).ToString("dd/MM/yyyy 'à' HH:mm", french)} (heure de Paris) ; DPAE enregistrée à cette heure.",
                "Signature du salarié et de l'employeur : à recueillir par l'employeur avant le début du travail.",
            ]), employer.Name);
        return ($"contrat-{contract.Number}.pdf", content);
    }

    /// <summary>The hires recorded between two dates, as the DPAE declares them: the employer is the organisation, the cooperative its declarant (its phone).</summary>
    internal async Task<IReadOnlyList<Payroll.Features.DpaeDeclaration>> DpaeDeclarationsAsync(DateOnly from, DateOnly to, string declarantPhone, CancellationToken ct)
    {
        var start = ParisTime.UtcStartOf(from);   // the hires recorded on those days in Paris
        var end = ParisTime.UtcStartOf(to.AddDays(1));
        var rows = await db.Set<StaffContract>().AsNoTracking().Where(c => c.DpaeRecordedAt >= start && c.DpaeRecordedAt < end)
            .Join(db.Set<StaffMember>(), c => c.StaffMemberId, s => s.Id, (c, s) => new { Contract = c, Person = s })
            .Join(db.Set<Employer>(), x => x.Contract.EmployerId, e => e.Id, (x, e) => new { x.Contract, x.Person, Employer = e })
            .OrderBy(x => x.Contract.DpaeRecordedAt).ThenBy(x => x.Contract.Number).ToListAsync(ct);
        return rows.Select(x => new Payroll.Features.DpaeDeclaration(x.Contract.Number, x.Employer.Siret, x.Employer.Name, x.Employer.Ape, x.Employer.UrssafReference.Split(' ')[0],
            x.Employer.Street, x.Employer.PostalCode, x.Employer.City, declarantPhone, x.Person.LastName, x.Person.FirstName, Nir.Parse(x.Person.Nir), x.Person.BirthDate,
            x.Contract.Kind == EmployeeKind.RegimeGeneral ? "CDD" : "CDDU", x.Contract.Start, new TimeOnly(9, 0), x.Contract.End, 0,
            x.Contract.Kind == EmployeeKind.RegimeGeneral ? "Service de santé au travail interentreprises" : "CMB", x.Contract.DpaeRecordedAt)).ToList();
    }

    internal async Task<IReadOnlyList<StaffContractView>> ViewsAsync(IReadOnlyList<StaffContract> rows, CancellationToken ct)
    {
        var staffIds = rows.Select(c => c.StaffMemberId).Distinct().ToList();
        var names = await db.Set<StaffMember>().AsNoTracking().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FirstName + " " + s.LastName, ct);
        var contractIds = rows.Select(c => c.Id).ToList();
        var payslips = (await db.Set<StaffPayslip>().AsNoTracking().Where(p => contractIds.Contains(p.ContractId)).Select(p => new { p.ContractId, p.To, p.Status }).ToListAsync(ct))
            .ToLookup(p => p.ContractId);
        return rows.Select(c => new StaffContractView(c.Id, c.Number, c.EmployerId, names[c.StaffMemberId], c.Kind, c.Cadre, c.Job, c.Event, c.Start, c.End, c.Hours, c.Cachets,
            Money.Eur(c.GrossCents), Money.Eur(c.AllowancesCents), c.DpaeRecordedAt)
        {
            Certifiable = StaffDeclarations.CertificateReady(c.End, payslips[c.Id].Select(p => (p.To, p.Status))),
            Dfs = c.Dfs,
        }).ToList();
    }

    /// <summary>Contracts are submitted by the employer's own accounts or by payroll staff; anyone else is told the employer does not exist.</summary>
    public async Task<EmployerView> RequireSubmitterAsync(EmployerId employerId, Actor actor, CancellationToken ct = default)
    {
        var employer = await employers.HandleAsync(employerId, actor, ct);
        return EmployersAccess.Manages(actor) || actor.EmployerId == employerId ? employer : throw new DomainException(EmployersErrors.NotFound);
    }

    internal async Task<ImportResult> SaveAsync(EmployerId employerId, IReadOnlyList<StaffContractInput> inputs, Actor actor, bool fromFile, CancellationToken ct)
    {
        var employer = await RequireSubmitterAsync(employerId, actor, ct);

        // A file's problems are reported by line (line 1 is the header: the first contract is on line 2), a form's by field.
        static string Line(int index) => $"ligne {index + 2}";

        var catalog = await payroll.CatalogAsync(ct);
        var mandates = employer.Mandates;
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var checkedRows = new List<(int Index, Checked Row)>();
        for (var i = 0; i < inputs.Count; i++)
        {
            try
            {
                var row = Check(inputs[i], catalog);
                var mandate = mandates.FirstOrDefault(m => m.SignedOn <= row.Start && (m.TerminatedOn is not { } last || row.End <= last));
                if (mandate is null)
                {
                    throw new InputValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["Start"] = [EmployersErrors.OutsideMandate.Message] });
                }

                checkedRows.Add((i, row));
            }
            catch (InputValidationException e)
            {
                foreach (var (field, messages) in e.Errors)
                {
                    var key = fromFile ? Line(i) : field;
                    if (!errors.TryGetValue(key, out var list))
                    {
                        errors[key] = list = [];
                    }

                    list.AddRange(messages.Select(m => fromFile ? $"{key} : {field} : {m}" : m));
                }
            }
        }

        // Overlaps: within the submission, then against the contracts already recorded.
        var nirs = checkedRows.Select(r => r.Row.Nir.Value).Distinct().ToList();
        var known = await db.Set<StaffMember>().Where(s => s.EmployerId == employerId && nirs.Contains(s.Nir)).ToDictionaryAsync(s => s.Nir, ct);
        var knownIds = known.Values.Select(s => s.Id).ToList();
        var recorded = await db.Set<StaffContract>().AsNoTracking().Where(c => knownIds.Contains(c.StaffMemberId)).Select(c => new { c.StaffMemberId, c.Start, c.End, c.Number }).ToListAsync(ct);
        for (var i = 0; i < checkedRows.Count; i++)
        {
            var (index, row) = checkedRows[i];
            var clash = checkedRows.Take(i).Select(other => other.Row).FirstOrDefault(other => other.Nir == row.Nir && other.Start <= row.End && other.End >= row.Start);
            var recordedClash = known.TryGetValue(row.Nir.Value, out var person) ? recorded.FirstOrDefault(c => c.StaffMemberId == person.Id && c.Start <= row.End && c.End >= row.Start) : null;
            if (clash is not null || recordedClash is not null)
            {
                var key = fromFile ? Line(index) : "Start";
                errors[key] = [.. errors.GetValueOrDefault(key) ?? [], $"{(fromFile ? key + " : " : string.Empty)}ces dates chevauchent {(recordedClash is not null ? "le contrat " + recordedClash.Number : "une autre ligne du fichier")} de la même personne."];
            }
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var saved = new List<StaffContract>();

        // The numbers of a file's contracts taken as one block per year, not one query per line.
        var next = new Dictionary<int, long>();
        foreach (var year in checkedRows.GroupBy(r => r.Row.Start.Year))
        {
            next[year.Key] = await numbers.NextBlockAsync($"staff-contract:{year.Key}", year.Count(), ct) - year.Count() + 1;
        }

        foreach (var (_, row) in checkedRows)
        {
            if (!known.TryGetValue(row.Nir.Value, out var person))
            {
                person = new StaffMember { Id = Guid.CreateVersion7(), EmployerId = employerId, Nir = row.Nir.Value, CreatedAt = now };
                db.Add(person);
                known[row.Nir.Value] = person;
            }

            (person.FirstName, person.LastName, person.BirthDate, person.Iban) = (row.FirstName, row.LastName, row.BirthDate, row.Iban.Value);
            var contract = new StaffContract
            {
                Id = Guid.CreateVersion7(), Number = $"GC-{row.Start.Year}-{next[row.Start.Year]++:D6}", EmployerId = employerId,
                StaffMemberId = person.Id, Kind = row.Kind, Cadre = row.Cadre, Job = row.Job, Event = row.Event, Start = row.Start, End = row.End, Hours = row.Hours,
                Cachets = row.Cachets, GrossCents = row.Gross.Cents, AllowancesCents = row.Allowances.Cents, Dfs = row.Dfs, DpaeRecordedAt = now, CreatedAt = now, CreatedBy = actor.Name,
            };
            db.Add(contract);
            saved.Add(contract);
            audit.Record(actor, "employers.contract_submitted", "employer_contract", contract.Id.ToString(), null,
                new { contract.Number, Employer = employerId.Value, contract.GrossCents, contract.AllowancesCents, Source = fromFile ? "csv" : "form" });
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ImportResult(saved.Count, await ViewsAsync(saved, ct));
    }

    private sealed record Checked(
        string LastName, string FirstName, Nir Nir, DateOnly BirthDate, Iban Iban, EmployeeKind Kind, bool Cadre, string Job, string Event,
        DateOnly Start, DateOnly End, decimal? Hours, int? Cachets, Money Gross, Money Allowances, string? Dfs);

    private Checked Check(StaffContractInput input, ParameterCatalog catalog)
    {
        var v = new Validation();
        var lastName = v.Required("LastName", "Le nom", input.LastName, 100);
        var firstName = v.Required("FirstName", "Le prénom", input.FirstName, 100);
        var nir = v.Parsed<Nir>("Nir", input.Nir, Nir.TryParse);
        if (string.IsNullOrWhiteSpace(input.Nir))
        {
            v.Add("Nir", "Le numéro de sécurité sociale est obligatoire (DPAE).");
        }

        var birth = v.Date("BirthDate", "La date de naissance", input.BirthDate, required: true);
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
        var dfs = string.IsNullOrWhiteSpace(input.Dfs) ? null : input.Dfs.Trim().ToLowerInvariant();
        if (!DfsLabels.Accepts(dfs, kind))
        {
            v.Add("Dfs", DfsLabels.Refused);
        }

        foreach (var term in ContractTerms.Check(start, end, hours, cachets, gross, Today).Broken)
        {
            v.Add(term.Field, term.Message);
        }

        if (start is { } s && hours is { } h && gross is { } g && catalog.ValueOn("smic_horaire", s) is { } smic && g.Amount < Rounding.ToCents(smic * h) / 100m)
        {
            v.Add("Gross", $"Le brut est inférieur au SMIC pour {h.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR"))} heures ({Money.Eur(Rounding.ToCents(smic * h)).ToDisplayString()}).");
        }

        v.ThrowIfInvalid();
        return new Checked(lastName.ToUpperInvariant(), firstName, nir!, birth!.Value, iban!, kind!.Value, cadre, job, eventName, start!.Value, end!.Value, hours,
            (int?)cachets, gross!.Value, allowances, dfs);
    }

    public static void Map(RouteGroupBuilder employers)
    {
        employers.MapGet("/{id:guid}/contracts", async (Guid id, int? page, int? size, StaffContracts list, ActorAccessor actors, CancellationToken ct) =>
                await list.ListAsync(EmployerId.From(id), new PageRequest(page, size), await actors.GetAsync(ct), ct))
            .WithName("ListStaffContracts").WithSummary("Les contrats du personnel d'un employeur").ProducesProblems();
        employers.MapPost("/{id:guid}/contracts", async (Guid id, StaffContractInput input, StaffContracts submit, ActorAccessor actors, CancellationToken ct) =>
            {
                var contract = await submit.SubmitAsync(EmployerId.From(id), input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/employers/{id}/contracts", contract);
            })
            .WithName("SubmitStaffContract").WithSummary("Soumettre un contrat (l'employeur ou le service paie) : mandat, DPAE avant le début, SMIC et chevauchements vérifiés").ProducesProblems();
        employers.MapGet("/{id:guid}/contracts/{contract:guid}.pdf", async (Guid id, Guid contract, StaffContracts documents, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await documents.PdfAsync(EmployerId.From(id), contract, await actors.GetAsync(ct), ct);
                return TypedResults.File(content, "application/pdf", name);
            })
            .WithName("StaffContractPdf").WithSummary("Le contrat (CDD ou CDDU) en PDF, avec ses clauses obligatoires").ProducesProblems().Produces(StatusCodes.Status200OK, contentType: "application/pdf");
    }
}
