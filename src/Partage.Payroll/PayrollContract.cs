using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Partage.Payroll;

/// <summary>The engine's request, field for field the contract of docs/payroll.md (snake_case in JSON).</summary>
public sealed record PayrollRequest(string? Period, EmployerInput? Employer, EmployeeInput? Employee, ContractInput? Contract, WorkInput? Work, decimal? Gross)
{
    /// <summary>A caller's label, echoed in the result (batch files, reference cases).</summary>
    public string? Id { get; init; }
}

public sealed record EmployerInput(int? Headcount, decimal? AtMpRate, decimal? MobilityRate, bool AlsaceMoselle, bool CongesSpectacles, string? CollectiveAgreement);

public sealed record EmployeeInput(string? Kind, bool Cadre, string? Dfs)
{
    /// <summary>The DFS this employer already deducted for the employee in the calendar year (euros): the yearly cap counts it.</summary>
    public decimal? DfsUsedThisYear { get; init; }
}

public sealed record ContractInput(string? Type, DateOnly? Start, DateOnly? End)
{
    /// <summary>Given on the payslip that ends the contract: what the end-of-contract indemnities are computed on.</summary>
    public EndOfContractInput? EndOfContract { get; init; }
}

/// <summary>
/// The end of a contract, on its last payslip: the base pay of the whole contract (euros, every month's
/// gross before indemnities) and, when the law exempts it, why no end-of-contract indemnity is due.
/// </summary>
public sealed record EndOfContractInput(decimal? ContractGross, string? PrecarityExemption);

/// <summary>The reasons a régime général CDD's end-of-contract indemnity is not due (C. trav. L1243-10), as the request names them.</summary>
public static class PrecarityExemptions
{
    /// <summary>A young person's job during their school or university holidays (L1243-10 2°).</summary>
    public const string StudentHolidays = "student_holidays";

    /// <summary>The employee refused a CDI for the same or a similar job at the same pay (L1243-10 4°).</summary>
    public const string CdiRefused = "cdi_refused";

    /// <summary>The employee ended the contract early, or it ended for serious misconduct or force majeure (L1243-10 4°).</summary>
    public const string EarlyTermination = "early_termination";

    public static bool IsKnown(string? reason) => reason is null or StudentHolidays or CdiRefused or EarlyTermination;
}

public sealed record WorkInput(decimal? Hours, decimal? Days, decimal? Cachets);

/// <summary>One contribution: base × rate rounded to the cent for each share.</summary>
public sealed record PayslipLine(string Code, string Label, string Section, decimal Base, decimal EmployeeRate, decimal EmployeeAmount, decimal EmployerRate, decimal EmployerAmount);

public sealed record PayslipReduction(string Code, decimal Coefficient, decimal Amount)
{
    /// <summary>
    /// The part of the general reduction set against the employer's Agirc-Arrco and CEG contributions (declared on DSN code 106,
    /// paid less to the pension fund); the rest (018) is set against URSSAF's. 0 for the other reductions and in results stored before it was kept.
    /// </summary>
    public decimal RetirementShare { get; init; }
}

public sealed record PayrollResult(
    string Period, decimal Gross, decimal SocialBase, decimal Ceiling, IReadOnlyList<PayslipLine> Lines, IReadOnlyList<PayslipReduction> Reductions,
    decimal TotalEmployee, decimal TotalEmployer, decimal TotalReductions, decimal NetBeforeTax, decimal NetSocial, decimal NetTaxable, decimal EmployerCost)
{
    public string? Id { get; init; }

    /// <summary>The end-of-contract indemnity of a régime général CDD (L1243-8), part of <see cref="Gross"/>; 0 on other payslips.</summary>
    public decimal EndOfContractIndemnity { get; init; }

    /// <summary>The paid-leave indemnity of a régime général CDD (L1242-16, L3141-24), part of <see cref="Gross"/>; 0 on other payslips.</summary>
    public decimal PaidLeaveIndemnity { get; init; }

    /// <summary>The SMIC of the hours paid that the general reduction was computed on (the DSN declares it as S21.G00.79 "SMIC retenu"); null in results stored before it was kept.</summary>
    public decimal? Smic { get; init; }
}

public enum EmployeeKind
{
    RegimeGeneral,
    IntermittentTechnician,
    IntermittentArtist,
}

public enum ContractType
{
    Cdi,
    Cdd,
    Cddu,
}

/// <summary>A request checked and typed: what the engine computes from.</summary>
public sealed record PayslipInput(
    int Year, int Month, int Headcount, decimal AtMpRate, decimal MobilityRate, bool AlsaceMoselle, bool CongesSpectacles, string? CollectiveAgreement,
    EmployeeKind Kind, bool Cadre, string? Dfs, ContractType ContractType, DateOnly Start, DateOnly End, decimal? Hours, decimal? Days, decimal? Cachets, decimal Gross)
{
    public DateOnly PeriodStart => new(Year, Month, 1);

    public DateOnly PeriodEnd => PeriodStart.AddMonths(1).AddDays(-1);

    public string Period => $"{Year:D4}-{Month:D2}";

    /// <summary>The DFS already deducted in the calendar year for this employee.</summary>
    public decimal DfsUsedThisYear { get; init; }

    /// <summary>On the contract's last payslip: its base pay for the whole contract and the exemption from the end-of-contract indemnity, if any.</summary>
    public EndOfContractInput? EndOfContract { get; init; }

    /// <summary>The date whose parameters apply: the period's first day, or the contract's start when it starts later in the month.</summary>
    public DateOnly ParametersDate => Start > PeriodStart ? Start : PeriodStart;
}

public static class PayrollJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    /// <summary>Checks a request and types it; throws <see cref="Kernel.InputValidationException"/> listing every problem (field → French message).</summary>
    public static PayslipInput Check(PayrollRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        int year = 0, month = 0;
        if (request.Period is null || !DateOnly.TryParseExact(request.Period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            errors["period"] = "La période est obligatoire, au format AAAA-MM (par exemple 2026-11).";
        }
        else
        {
            (year, month) = (first.Year, first.Month);
        }

        var employer = CheckEmployer(request.Employer, errors);
        var (kind, dfs) = CheckEmployee(request.Employee, errors);
        var (type, start, end) = CheckContract(request.Contract, kind, year, month, errors);
        int? contractDays = year != 0 && end >= start && !errors.ContainsKey("contract")
            ? Math.Min(end.DayNumber, new DateOnly(year, month, 1).AddMonths(1).AddDays(-1).DayNumber) - Math.Max(start.DayNumber, new DateOnly(year, month, 1).DayNumber) + 1 : null;
        CheckWork(request.Work, kind, year, contractDays, errors);
        if (employer is { CongesSpectacles: false } && kind is EmployeeKind.IntermittentArtist or EmployeeKind.IntermittentTechnician
            && type is not null && end >= start && end < start.AddMonths(12))
        {
            // An employer of intermittents in contracts under 12 months must be affiliated to the fund (C. trav. L3141-32, D7121-28): never a silent "no".
            errors["employer.conges_spectacles"] = "Un intermittent du spectacle engagé moins de 12 mois relève obligatoirement de la caisse des Congés Spectacles (art. D7121-28 du code du travail) : l'employeur y cotise.";
        }

        if (request.Gross is not { } gross || gross < 0 || gross > 1_000_000 || decimal.Truncate(gross * 100) != gross * 100)
        {
            errors["gross"] = "Le brut est un montant positif en euros, au centime (au plus 1 000 000).";
        }

        if (errors.Count > 0)
        {
            throw new Kernel.InputValidationException(errors.ToDictionary(e => e.Key, e => new[] { e.Value }, StringComparer.Ordinal));
        }

        var work = request.Work;
        return new PayslipInput(year, month, employer!.Headcount!.Value, employer.AtMpRate!.Value, employer.MobilityRate ?? 0, employer.AlsaceMoselle, employer.CongesSpectacles,
            employer.CollectiveAgreement, kind!.Value, request.Employee!.Cadre, dfs, type!.Value, start, end, work?.Hours, work?.Days, work?.Cachets, request.Gross!.Value)
        {
            DfsUsedThisYear = request.Employee.DfsUsedThisYear ?? 0,
            EndOfContract = request.Contract!.EndOfContract,
        };
    }

    private static EmployerInput? CheckEmployer(EmployerInput? employer, Dictionary<string, string> errors)
    {
        if (employer is null)
        {
            errors["employer"] = "L'employeur est obligatoire (effectif, taux AT/MP, versement mobilité).";
        }
        else
        {
            if (employer.Headcount is not (>= 0 and <= 1_000_000))
            {
                errors["employer.headcount"] = "L'effectif est un nombre entier positif.";
            }

            if (employer.AtMpRate is not (>= 0 and < 1))
            {
                errors["employer.at_mp_rate"] = "Le taux AT/MP est une fraction entre 0 et 1 (0,01 pour 1 %).";
            }

            if (employer.MobilityRate is { } mobility && mobility is < 0 or >= 1)
            {
                errors["employer.mobility_rate"] = "Le taux de versement mobilité est une fraction entre 0 et 1 (0,032 pour 3,2 %).";
            }

            if (employer.CollectiveAgreement is { } idcc && idcc is not ("1285" or "3090") && !(idcc.Length == 4 && idcc.All(char.IsAsciiDigit)))
            {
                errors["employer.collective_agreement"] = "La convention collective est un code IDCC à 4 chiffres (1285, 3090…).";
            }
        }

        return employer;
    }

    private static (EmployeeKind? Kind, string? Dfs) CheckEmployee(EmployeeInput? employee, Dictionary<string, string> errors)
    {
        var kind = employee?.Kind switch
        {
            "regime_general" => EmployeeKind.RegimeGeneral,
            "intermittent_technician" => EmployeeKind.IntermittentTechnician,
            "intermittent_artist" => EmployeeKind.IntermittentArtist,
            _ => (EmployeeKind?)null,
        };
        if (kind is null)
        {
            errors["employee.kind"] = "Le statut du salarié est regime_general, intermittent_technician ou intermittent_artist.";
        }

        var dfs = employee?.Dfs;
        if (dfs is not (null or "dramatic" or "musician"))
        {
            errors["employee.dfs"] = "La déduction forfaitaire spécifique est dramatic (artistes dramatiques, lyriques, chorégraphiques…) ou musician (musiciens, choristes, régisseurs), ou absente.";
        }
        else if (employee?.DfsUsedThisYear is < 0)
        {
            errors["employee.dfs_used_this_year"] = "La DFS déjà déduite dans l'année est un montant positif ou nul.";
        }
        else if (dfs is not null && kind == EmployeeKind.RegimeGeneral)
        {
            errors["employee.dfs"] = "La déduction forfaitaire spécifique du spectacle ne s'applique qu'aux intermittents.";
        }

        return (kind, dfs);
    }

    private static (ContractType? Type, DateOnly Start, DateOnly End) CheckContract(ContractInput? contract, EmployeeKind? kind, int year, int month, Dictionary<string, string> errors)
    {
        var type = contract?.Type?.ToUpperInvariant() switch
        {
            "CDI" => ContractType.Cdi,
            "CDD" => ContractType.Cdd,
            "CDDU" => ContractType.Cddu,
            _ => (ContractType?)null,
        };
        if (type is null)
        {
            errors["contract.type"] = "Le type de contrat est CDI, CDD ou CDDU.";
        }
        else if (kind is EmployeeKind.IntermittentArtist or EmployeeKind.IntermittentTechnician && type == ContractType.Cdi)
        {
            errors["contract.type"] = "Un intermittent du spectacle est engagé en CDD d'usage (CDDU) ou en CDD.";
        }

        if (contract?.Start is not { } start || contract.End is not { } end)
        {
            errors["contract"] = "Les dates de début et de fin du contrat sont obligatoires (pour un CDI, la fin de la période).";
            (start, end) = (default, default);
        }
        else if (end < start)
        {
            errors["contract.end"] = "La fin du contrat précède son début.";
        }
        else if (year != 0 && (end < new DateOnly(year, month, 1) || start > new DateOnly(year, month, 1).AddMonths(1).AddDays(-1)))
        {
            errors["contract"] = "Le contrat ne couvre aucun jour de la période.";
        }
        else if (contract.EndOfContract is { } ending)
        {
            if (year != 0 && end > new DateOnly(year, month, 1).AddMonths(1).AddDays(-1))
            {
                errors["contract.end_of_contract"] = "Les indemnités de fin de contrat se calculent sur le bulletin du mois où le contrat se termine.";
            }
            else if (ending.ContractGross is not { } contractGross || contractGross < 0 || contractGross > 10_000_000 || decimal.Truncate(contractGross * 100) != contractGross * 100)
            {
                errors["contract.end_of_contract.contract_gross"] = "Le brut de l'ensemble du contrat est un montant positif en euros, au centime (au plus 10 000 000).";
            }
            else if (!PrecarityExemptions.IsKnown(ending.PrecarityExemption))
            {
                errors["contract.end_of_contract.precarity_exemption"] = "Le motif d'exclusion de l'indemnité de fin de contrat est student_holidays (emploi pendant les vacances scolaires), cdi_refused (CDI refusé) ou early_termination (rupture anticipée par le salarié, faute grave, force majeure), ou absent.";
            }
        }

        return (type, start, end);
    }

    /// <param name="contractDays">The contract's calendar days within the period, when its dates are valid.</param>
    private static void CheckWork(WorkInput? work, EmployeeKind? kind, int year, int? contractDays, Dictionary<string, string> errors)
    {
        if (work?.Hours is { } hours && hours is <= 0 or > 400)
        {
            errors["work.hours"] = "Le nombre d'heures est positif (au plus 400 dans le mois).";
        }

        if (work?.Days is { } days && days is <= 0 or > 31)
        {
            errors["work.days"] = "Le nombre de jours travaillés est entre 1 et 31.";
        }

        if (work?.Cachets is { } cachets && cachets is <= 0 or > 62)
        {
            errors["work.cachets"] = "Le nombre de cachets est positif (au plus 62 dans le mois).";
        }

        if (work?.Days is { } worked && year != 0 && contractDays is { } inPeriod && worked > inPeriod)
        {
            errors["work.days"] = $"Les jours travaillés ({worked}) dépassent les jours du contrat dans la période ({inPeriod}).";
        }

        if (kind == EmployeeKind.IntermittentTechnician && work?.Hours is null)
        {
            errors["work.hours"] = "Un technicien intermittent est payé à l'heure : indiquez les heures.";
        }

        if (kind == EmployeeKind.IntermittentArtist && work?.Cachets is null && work?.Hours is null)
        {
            errors["work.cachets"] = "Un artiste est payé au cachet ou à l'heure : indiquez les cachets ou les heures.";
        }
    }
}
