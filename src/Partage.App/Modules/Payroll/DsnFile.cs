using System.Globalization;
using System.Text;
using Partage.App.Infrastructure;
using Partage.Kernel;
using Partage.Payroll;

namespace Partage.App.Modules.Payroll;

/// <summary>
/// The monthly DSN as a NEODeS text file: one rubric a line, <c>Sxx.Gyy.zz.nnn,'value'</c>,
/// ISO-8859-1, dates JJMMAAAA, amounts with a point and two decimals. The blocks and rubrics
/// follow the NEODeS names (docs/employers.md lists what is declared and what is not); the file
/// has not been through DSN-Val, which cannot run here.
/// </summary>
public static partial class DsnFile
{
    public const string ContentType = "text/plain; charset=iso-8859-1";

    /// <summary>
    /// The norm this writer follows (cahier technique 2026), which covers the periods of 2026; a
    /// period of another year needs that year's norm (P27V01 from January 2027), not written yet.
    /// </summary>
    public const string Norm = "P26V01";

    public const int NormYear = 2026;

    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <summary>How many people a refusal for missing birthplaces names.</summary>
    private const int MissingNamed = 20;

    public static DsnDocument Document(DsnSubmission submission, DsnComplements complements) => new(FileName(submission), ContentType, Write(submission, complements));

    public static string FileName(DsnSubmission submission) =>
        $"dsn-{submission.Employer.Siret}-{submission.Year:D4}-{submission.Month:D2}{(submission.Test ? "-essai" : string.Empty)}.dsn";

    // Long method: the declaration's blocks in the order of the NEODeS norm (S10, S20, S21.G00.06, .11, then each individual's), so that it reads against the specification block by block.
    public static byte[] Write(DsnSubmission s, DsnComplements complements)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(complements);
        if (s.Year != NormYear)
        {
            throw new DomainException(PayrollErrors.DsnNotReady, $"La DSN de {s.Month:D2}/{s.Year} relève de la norme de son année ; Partage écrit la norme {Norm} (périodes de {NormYear}) seulement.");
        }

        RequireBirthplaces(s.Individuals);
        var lines = new List<string>();
        void Add(string rubric, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                lines.Add($"{rubric},'{Clean(value)}'");
            }
        }

        var siren = s.Employer.Siret[..9];
        var nic = s.Employer.Siret[9..];
        var month = new DateOnly(s.Year, s.Month, 1);

        Add("S10.G00.00.001", "Partage");
        Add("S10.G00.00.002", s.Sender.Name);
        Add("S10.G00.00.003", typeof(DsnFile).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");
        Add("S10.G00.00.005", s.Test ? "01" : "02");
        Add("S10.G00.00.006", Norm);
        Add("S10.G00.00.007", "01");
        Add("S10.G00.00.008", s.Individuals.Count > 0 ? "01" : "02");   // a declaration without anyone is an "envoi néant" (CCH-11)
        Add("S10.G00.01.001", s.Sender.Siren);
        Add("S10.G00.01.002", s.Sender.Nic);
        Add("S10.G00.01.003", s.Sender.Name);
        Add("S10.G00.01.004", s.Sender.Street);
        Add("S10.G00.01.005", s.Sender.PostalCode);
        Add("S10.G00.01.006", s.Sender.City);
        Add("S10.G00.02.002", s.Sender.Contact.Name);
        Add("S10.G00.02.004", s.Sender.Contact.Email);
        Add("S10.G00.02.005", Phone(s.Sender.Contact.Phone));

        Add("S20.G00.05.001", "01");
        // Normal (01) or "annule et remplace intégral" (03); without anyone, their "sans individu" forms (02, 05). A monthly
        // DSN names no replaced declaration (S20.G00.05.006 is forbidden for nature 01): the month and a new order number say it.
        Add("S20.G00.05.002", (s.Individuals.Count > 0, s.Replacement) switch { (true, false) => "01", (false, false) => "02", (true, true) => "03", _ => "05" });
        Add("S20.G00.05.003", "11");
        Add("S20.G00.05.004", s.Ordinal == 1 ? $"{s.Year:D4}{s.Month:D2}" : $"{s.Year:D4}{s.Month:D2}{s.Ordinal:D2}");
        Add("S20.G00.05.005", Date(month));
        Add("S20.G00.05.007", Date(s.BuiltOn));
        Add("S20.G00.05.008", "01");
        Add("S20.G00.05.010", "01");
        Add("S20.G00.07.001", s.Employer.Contact.Name);
        Add("S20.G00.07.002", Phone(s.Employer.Contact.Phone));
        Add("S20.G00.07.003", s.Employer.Contact.Email);
        Add("S20.G00.07.004", "04");   // the contact for the contributions to URSSAF and France Travail

        Add("S21.G00.06.001", siren);
        Add("S21.G00.06.002", nic);
        Add("S21.G00.06.003", s.Employer.Ape);
        Add("S21.G00.06.004", s.Employer.Street);
        Add("S21.G00.06.005", s.Employer.PostalCode);
        Add("S21.G00.06.006", s.Employer.City);
        Add("S21.G00.11.001", nic);
        Add("S21.G00.11.002", s.Employer.Ape);
        Add("S21.G00.11.003", s.Employer.Street);
        Add("S21.G00.11.004", s.Employer.PostalCode);
        Add("S21.G00.11.005", s.Employer.City);
        Add("S21.G00.11.017", "01");
        Add("S21.G00.11.022", s.Employer.CollectiveAgreement);
        foreach (var contribution in s.EstablishmentContributions)
        {
            Add("S21.G00.82.001", Amount(contribution.Value));
            Add("S21.G00.82.002", contribution.Code);
            Add("S21.G00.82.003", Date(contribution.From));
            Add("S21.G00.82.004", Date(contribution.To));
            Add("S21.G00.82.005", contribution.Reference);
        }

        foreach (var person in s.Individuals)
        {
            WriteIndividual(person, s, complements, Add);
        }

        var count = lines.Count + 2;
        Add("S90.G00.90.001", count.ToString(CultureInfo.InvariantCulture));
        Add("S90.G00.90.002", "1");
        return Latin1.GetBytes(string.Concat(lines.Select(l => l + "\r\n")));
    }

    /// <summary>
    /// The town of birth is required of anyone born in France (S21.G00.30.007 when the department is not 99), and Partage asks
    /// it of everyone; the country of anyone born abroad (.015): the declaration is refused, naming everyone whose record lacks them.
    /// </summary>
    private static void RequireBirthplaces(IReadOnlyList<DsnIndividual> individuals)
    {
        var missing = individuals.Where(i => Birthplace.IsIncomplete(i.Nir, i.BirthPlace, i.BirthCountry))
            .Select(i => $"{i.FirstName} {i.LastName}").ToList();
        if (missing.Count > 0)
        {
            // A month of thousands names the first ones: enough to start, the next attempt names the rest.
            var named = string.Join(", ", missing.Take(MissingNamed)) + (missing.Count > MissingNamed ? $" et {missing.Count - MissingNamed} autre(s)" : string.Empty);
            throw new DomainException(PayrollErrors.DsnNotReady,
                $"La DSN déclare la commune (et, hors de France, le pays) de naissance de chaque salarié ; complétez la fiche de : {named}.");
        }
    }

    /// <summary>An individual (S21.G00.30), then their contracts (S21.G00.40 with their end and pension blocks), their payments (S21.G00.50 and children) and seniority (S21.G00.86), as the norm nests them.</summary>
    private static void WriteIndividual(DsnIndividual person, DsnSubmission s, DsnComplements complements, Action<string, string?> add)
    {
        var abroad = Birthplace.BornAbroad(person.Nir);
        var country = abroad ? person.BirthCountry! : "FR";
        add("S21.G00.30.001", person.Nir.Value[..13]);
        add("S21.G00.30.002", person.LastName.ToUpperInvariant());
        add("S21.G00.30.004", person.FirstName);
        add("S21.G00.30.005", person.Nir.SexDigit is 2 or 4 or 8 ? "02" : "01");
        add("S21.G00.30.006", Date(person.BirthDate));
        add("S21.G00.30.007", person.BirthPlace);
        add("S21.G00.30.008", person.Street);
        add("S21.G00.30.009", person.PostalCode);
        add("S21.G00.30.010", person.City);
        add("S21.G00.30.013", country switch { "FR" => "01", "IS" or "LI" or "NO" => "03", var other when EuropeanUnion.Contains(other) => "02", _ => "04" });
        add("S21.G00.30.014", person.Nir.Value.Substring(5, 2));
        add("S21.G00.30.015", country);
        add("S21.G00.30.019", person.Matricule);
        var monthEnd = new DateOnly(s.Year, s.Month, 1).AddMonths(1).AddDays(-1);
        foreach (var contract in person.Contracts)
        {
            WriteContract(contract, s.Employer, monthEnd, add);
        }

        var payment = 0;
        foreach (var contract in person.Contracts)
        {
            foreach (var payslip in contract.Payslips)
            {
                WritePayslip(contract, payslip, ++payment, complements, add);
            }
        }

        foreach (var contract in person.Contracts)
        {
            // Seniority in the company (type 07, required for fixed-term contracts, CCH-14), in days at the month's end or the contract's.
            add("S21.G00.86.001", "07");
            add("S21.G00.86.002", "01");
            add("S21.G00.86.003", ((contract.End < monthEnd ? contract.End : monthEnd).DayNumber - contract.Start.DayNumber + 1).ToString(CultureInfo.InvariantCulture));
            add("S21.G00.86.005", contract.Number);
        }
    }

    // Long method: one rubric a line of the S21.G00.40 block, in the norm's order, each with the reason for its value.
    private static void WriteContract(DsnContract contract, DsnEmployer employer, DateOnly monthEnd, Action<string, string?> add)
    {
        var intermittent = contract.Kind != EmployeeKind.RegimeGeneral;
        var hours = contract.Payslips.Sum(p => p.Hours ?? 0m);
        var cachets = contract.Payslips.Sum(p => p.Cachets ?? 0);
        add("S21.G00.40.001", Date(contract.Start));
        add("S21.G00.40.002", contract.Cadre ? "04" : contract.Kind == EmployeeKind.IntermittentTechnician ? "05" : "06");
        add("S21.G00.40.003", contract.Cadre ? "01" : "04");
        add("S21.G00.40.004", Pcs(contract.Trade, contract.Kind));
        add("S21.G00.40.006", contract.Job);
        add("S21.G00.40.007", "02");   // CDD de droit privé, the CDD d'usage included
        add("S21.G00.40.008", "99");   // no public employment scheme
        add("S21.G00.40.009", contract.Number);
        add("S21.G00.40.010", Date(contract.End));
        // Artists paid by the cachet have no working time to declare ("salarié non concerné"); everyone else is paid by the hour.
        add("S21.G00.40.011", cachets > 0 ? "99" : "10");
        add("S21.G00.40.012", cachets > 0 ? "0.00" : Amount(employer.ReferenceMonthlyHours));
        add("S21.G00.40.013", cachets > 0 ? "0.00" : Amount(hours));
        add("S21.G00.40.014", cachets > 0 ? "99" : hours >= employer.ReferenceMonthlyHours ? "10" : "20");
        add("S21.G00.40.016", "99");
        add("S21.G00.40.017", employer.CollectiveAgreement);
        add("S21.G00.40.018", "200");
        add("S21.G00.40.019", employer.Siret);
        add("S21.G00.40.020", "200");
        // CDD d'usage for intermittents (C. trav. L1242-2 3°, D1242-1 6°); a member's other fixed-term jobs are a temporary increase of activity.
        add("S21.G00.40.021", intermittent ? "05" : "02");
        add("S21.G00.40.022", intermittent ? employer.HolidayFund : null);
        add("S21.G00.40.023", DfsRate(contract));
        add("S21.G00.40.024", "99");
        // Intermittents' unemployment is still declared on the monthly employer certificate (AEM) in 2026: 05 technicians, 06 artists.
        add("S21.G00.40.025", contract.Kind switch { EmployeeKind.IntermittentTechnician => "05", EmployeeKind.IntermittentArtist => "06", _ => null });
        add("S21.G00.40.026", "99");
        // A member working through the cooperative may hold other jobs and employers: intermittents always do; otherwise not known.
        add("S21.G00.40.036", intermittent ? "02" : "03");
        add("S21.G00.40.037", intermittent ? "02" : "03");
        add("S21.G00.40.039", "200");
        add("S21.G00.40.040", employer.AtRiskCode);
        add("S21.G00.40.043", Amount(employer.AtRate * 100));
        add("S21.G00.40.049", intermittent ? employer.ShowLicence : null);
        if (contract.End <= monthEnd)
        {
            add("S21.G00.62.001", Date(contract.End));
            add("S21.G00.62.002", "031");   // end of a fixed-term contract
        }

        add("S21.G00.71.002", "RUAA");   // Agirc-Arrco, the unified complementary pension scheme
    }

    /// <summary>The DFS rate of a contract's payslips, when one was applied (base reduced below the gross).</summary>
    private static string? DfsRate(DsnContract contract) =>
        contract.Payslips.Select(p => p.Result).FirstOrDefault(r => r.SocialBase < r.Gross && r.Gross > 0) is { } result
            ? Amount(decimal.Round((1 - (result.SocialBase / result.Gross)) * 100, 2, MidpointRounding.AwayFromZero))
            : null;

    private static void WritePayslip(DsnContract contract, DsnPayslip payslip, int payment, DsnComplements complements, Action<string, string?> add)
    {
        var result = payslip.Result;
        add("S21.G00.50.001", Date(payslip.PaidOn));
        add("S21.G00.50.002", Amount(payslip.NetTaxable.Amount));
        add("S21.G00.50.003", payment.ToString("D2", CultureInfo.InvariantCulture));
        add("S21.G00.50.004", Amount(payslip.NetPaid.Amount));
        add("S21.G00.50.006", Amount(payslip.TaxRate * 100));
        add("S21.G00.50.007", payslip.NotifiedRate ? "01" : "13");
        add("S21.G00.50.009", Amount(payslip.Tax.Amount));
        add("S21.G00.50.013", Amount(payslip.NetTaxable.Amount));
        void Pay(string type, decimal amount, decimal? hours)
        {
            add("S21.G00.51.001", Date(payslip.From));
            add("S21.G00.51.002", Date(payslip.To));
            add("S21.G00.51.010", contract.Number);
            add("S21.G00.51.011", type);
            add("S21.G00.51.012", hours is { } h ? Amount(h) : null);
            add("S21.G00.51.013", Amount(amount));
        }

        Pay("001", result.Gross, null);
        Pay("002", result.Gross, null);
        // The work paid, under the pay that opens unemployment rights (CCH-11): hours (intermittents' own unit for technicians), or cachets.
        if (payslip.Cachets is > 0)
        {
            add("S21.G00.53.001", "01");
            add("S21.G00.53.002", Amount(payslip.Cachets.Value));
            add("S21.G00.53.003", "39");
        }
        else if (payslip.Hours is { } worked)
        {
            add("S21.G00.53.001", "01");
            add("S21.G00.53.002", Amount(worked));
            add("S21.G00.53.003", contract.Kind == EmployeeKind.IntermittentTechnician ? "35" : "10");
        }

        Pay("003", result.Gross, null);
        Pay("010", result.Gross - result.EndOfContractIndemnity - result.PaidLeaveIndemnity, payslip.Hours);

        // A régime général CDD's last payslip: its indemnities, in the gross above, declared as such (Prime_DSN 011 and 020).
        foreach (var (type, amount) in new[] { ("011", result.EndOfContractIndemnity), ("020", result.PaidLeaveIndemnity) })
        {
            if (amount > 0)
            {
                add("S21.G00.52.001", type);
                add("S21.G00.52.002", Amount(amount));
                add("S21.G00.52.003", Date(contract.Start));
                add("S21.G00.52.004", Date(contract.End));
                add("S21.G00.52.006", contract.Number);
            }
        }

        add("S21.G00.58.003", "03");   // montant net social
        add("S21.G00.58.004", Amount(result.NetSocial));

        WriteBases(contract, payslip, complements, add);
    }

    /// <summary>The payslip's bases (S21.G00.78), the SMIC of the general reduction under the gross base (S21.G00.79), and the individual contributions (S21.G00.81).</summary>
    private static void WriteBases(DsnContract contract, DsnPayslip payslip, DsnComplements complements, Action<string, string?> add)
    {
        var result = payslip.Result;
        foreach (var (baseCode, amount, contributions) in Bases(result, complements))
        {
            add("S21.G00.78.001", baseCode);
            add("S21.G00.78.002", Date(payslip.From));
            add("S21.G00.78.003", Date(payslip.To));
            add("S21.G00.78.004", Amount(amount));
            add("S21.G00.78.006", contract.Number);
            if (baseCode == GrossBase && result.Smic is { } smic && contributions.Any(c => GeneralReductionCodes.Contains(c.Code)))
            {
                // The SMIC the general reduction was computed on (CCH-16/17).
                add("S21.G00.79.001", "01");
                add("S21.G00.79.004", Amount(smic));
            }

            foreach (var contribution in contributions)
            {
                add("S21.G00.81.001", contribution.Code);
                add("S21.G00.81.003", Amount(contribution.Base));
                add("S21.G00.81.004", Amount(contribution.Amount));
            }
        }
    }

    /// <summary>A telephone number as the norm takes it: its digits only.</summary>
    private static string Phone(string phone) => new(phone.Where(char.IsAsciiDigit).ToArray());

    private static string Date(DateOnly day) => day.ToString("ddMMyyyy", CultureInfo.InvariantCulture);

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A value sits on one line between quotes: no line break, nothing Latin-1 cannot carry (the French letters it lacks folded, anything else « ? », refused at entry where it matters).</summary>
    private static string Clean(string value)
    {
        var flat = Latin1Text.Fold(value.Replace('\r', ' ').Replace('\n', ' ')).Trim();
        return new string(flat.Select(c => c <= '\u00FF' ? c : '?').ToArray());
    }
}
