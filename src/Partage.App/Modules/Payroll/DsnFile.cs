using System.Globalization;
using System.Text;
using Partage.Kernel;
using Partage.Payroll;

namespace Partage.App.Modules.Payroll;

/// <summary>Who deposits the file (the cooperative, as declarant for the employers under a complete mandate) and whom to call about it.</summary>
public sealed record DsnSender(string Siren, string Nic, string Name, string Street, string PostalCode, string City, string ContactName, string ContactPhone);

/// <summary>
/// The employer declared: its only establishment, the one on its record, and its reference monthly
/// hours for a full-time employee (S21.G00.40.012; the catalog's <c>heures_mensuelles</c>, 151.67).
/// </summary>
public sealed record DsnEmployer(
    string Siret, string Ape, string Name, string Street, string PostalCode, string City, string CollectiveAgreement, string ContactName, string ContactEmail, decimal ReferenceMonthlyHours);

/// <summary>One payslip of the month, as paid.</summary>
public sealed record DsnPayslip(
    string Number, DateOnly From, DateOnly To, DateOnly PaidOn, PayrollResult Result, Money NetTaxable, Money NetPaid, decimal TaxRate, Money Tax, decimal? Hours, int? Cachets);

public sealed record DsnContract(string Number, EmployeeKind Kind, bool Cadre, string Job, DateOnly Start, DateOnly End, IReadOnlyList<DsnPayslip> Payslips);

public sealed record DsnIndividual(Nir Nir, string LastName, string FirstName, DateOnly BirthDate, string Matricule, IReadOnlyList<DsnContract> Contracts);

/// <summary>A base subject to contributions (S21.G00.78) and the individual contributions on it (S21.G00.81).</summary>
public sealed record DsnBase(string Code, decimal Amount, IReadOnlyList<DsnContribution> Contributions);

public sealed record DsnContribution(string Code, decimal Base, decimal Amount);

/// <summary>One monthly DSN ("DSN mensuelle") of one employer's establishment.</summary>
public sealed record DsnSubmission(int Year, int Month, bool Test, DateOnly BuiltOn, DsnSender Sender, DsnEmployer Employer, IReadOnlyList<DsnIndividual> Individuals);

/// <summary>
/// The monthly DSN as a NEODeS text file: one rubric a line, <c>Sxx.Gyy.zz.nnn,'value'</c>,
/// ISO-8859-1, dates JJMMAAAA, amounts with a point and two decimals. The blocks and rubrics
/// follow the NEODeS names (docs/employers.md lists what is declared and what is not); the file
/// has not been through DSN-Val, which cannot run here.
/// </summary>
public static class DsnFile
{
    public const string ContentType = "text/plain; charset=iso-8859-1";

    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <summary>
    /// Where each payslip line goes: the base (S21.G00.78.001) and the individual contribution code
    /// (S21.G00.81.001). Lines of one code under one base add up (Agirc-Arrco's tranches and CEG/CET
    /// are one "131", both CSG parts one "072").
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (string Base, string Code)> Contributions = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        [PayslipLabels.Maladie.Code] = (GrossBase, "075"),
        [PayslipLabels.AccidentTravail.Code] = (GrossBase, "045"),
        [PayslipLabels.VieillessePlafonnee.Code] = (CappedBase, "076"),
        [PayslipLabels.VieillesseDeplafonnee.Code] = (GrossBase, "076"),
        [PayslipLabels.AllocationsFamiliales.Code] = (GrossBase, "074"),
        [PayslipLabels.Csa.Code] = (GrossBase, "068"),
        [PayslipLabels.Fnal.Code] = (GrossBase, "049"),
        [PayslipLabels.DialogueSocial.Code] = (GrossBase, "100"),
        [PayslipLabels.FormationProfessionnelle.Code] = (GrossBase, "128"),
        [PayslipLabels.Afdas.Code] = (GrossBase, "128"),
        [PayslipLabels.CpfCdd.Code] = (GrossBase, "129"),
        [PayslipLabels.TaxeApprentissage.Code] = (GrossBase, "130"),
        [PayslipLabels.VersementMobilite.Code] = (GrossBase, "081"),
        [PayslipLabels.Cmb.Code] = (GrossBase, "091"),
        [PayslipLabels.RetraiteComplementaireT1.Code] = (GrossBase, "131"),
        [PayslipLabels.RetraiteComplementaireT2.Code] = (GrossBase, "131"),
        [PayslipLabels.CegT1.Code] = (GrossBase, "131"),
        [PayslipLabels.CegT2.Code] = (GrossBase, "131"),
        [PayslipLabels.Cet.Code] = (GrossBase, "131"),
        [PayslipLabels.Apec.Code] = (GrossBase, "132"),
        [PayslipLabels.Chomage.Code] = (UnemploymentBase, "040"),
        [PayslipLabels.ChomageIntermittents.Code] = (UnemploymentBase, "040"),
        [PayslipLabels.Ags.Code] = (UnemploymentBase, "048"),
        [PayslipLabels.CsgDeductible.Code] = (CsgBase, "072"),
        [PayslipLabels.CsgNonDeductible.Code] = (CsgBase, "072"),
        [PayslipLabels.Crds.Code] = (CsgBase, "079"),
        [PayslipLabels.CongesSpectacles.Code] = (HolidayFundBase, "066"),
        [PayslipLabels.ForfaitSocial.Code] = (ForfaitSocialBase, "071"),
    };

    /// <summary>
    /// Lines the monthly file does not carry: prévoyance needs the affiliation blocks (S21.G00.15/70)
    /// of a contract with an insurer, the PEEC is declared once a year, FNAS and FCAP are paid to
    /// the sector's funds directly.
    /// </summary>
    public static readonly IReadOnlySet<string> NotDeclared = new HashSet<string>(StringComparer.Ordinal)
    {
        PayslipLabels.PrevoyanceCadre.Code, PayslipLabels.PrevoyanceIntermittents.Code, PayslipLabels.Peec.Code, PayslipLabels.Fnas.Code, PayslipLabels.Fcap.Code,
    };

    /// <summary>Reductions are declared as negative contributions on the gross base: the general reduction (018), the 2025 reduced rates on their own codes.</summary>
    public static readonly IReadOnlyDictionary<string, string> Reductions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["rgdu"] = "018",
        ["reduction_generale"] = "018",
        ["bandeau_maladie"] = "075",
        ["bandeau_famille"] = "074",
    };

    private const string CappedBase = "02";
    private const string GrossBase = "03";
    private const string CsgBase = "04";
    private const string ForfaitSocialBase = "05";
    private const string UnemploymentBase = "07";
    private const string HolidayFundBase = "27";

    private static readonly string[] BaseOrder = [CappedBase, GrossBase, CsgBase, ForfaitSocialBase, UnemploymentBase, HolidayFundBase];

    public static string FileName(DsnSubmission submission) =>
        $"dsn-{submission.Employer.Siret}-{submission.Year:D4}-{submission.Month:D2}{(submission.Test ? "-essai" : string.Empty)}.dsn";

    // Long method: the declaration's blocks in the order of the NEODeS norm (S10, S20, S21.G00.06, .11, .30, .40, .50, .51, .78…), so that it reads against the specification block by block.
    public static byte[] Write(DsnSubmission s)
    {
        ArgumentNullException.ThrowIfNull(s);
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
        Add("S10.G00.00.006", $"P{s.Year % 100:D2}V01");
        Add("S10.G00.00.007", "01");
        Add("S10.G00.00.008", "01");
        Add("S10.G00.01.001", s.Sender.Siren);
        Add("S10.G00.01.002", s.Sender.Nic);
        Add("S10.G00.01.003", s.Sender.Name);
        Add("S10.G00.01.004", s.Sender.Street);
        Add("S10.G00.01.005", s.Sender.PostalCode);
        Add("S10.G00.01.006", s.Sender.City);
        Add("S10.G00.02.002", s.Sender.ContactName);
        Add("S10.G00.02.005", s.Sender.ContactPhone);

        Add("S20.G00.05.001", "01");
        Add("S20.G00.05.002", s.Individuals.Count > 0 ? "01" : "02");
        Add("S20.G00.05.003", "11");
        Add("S20.G00.05.004", $"{s.Year:D4}{s.Month:D2}");
        Add("S20.G00.05.005", Date(month));
        Add("S20.G00.05.007", Date(s.BuiltOn));
        Add("S20.G00.05.008", "01");
        Add("S20.G00.05.010", "01");
        Add("S20.G00.07.001", s.Employer.ContactName);
        Add("S20.G00.07.003", s.Employer.ContactEmail);

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

        foreach (var person in s.Individuals)
        {
            Add("S21.G00.30.001", person.Nir.Value[..13]);
            Add("S21.G00.30.002", person.LastName.ToUpperInvariant());
            Add("S21.G00.30.004", person.FirstName);
            Add("S21.G00.30.005", person.Nir.SexDigit is 2 or 4 or 8 ? "02" : "01");
            Add("S21.G00.30.006", Date(person.BirthDate));
            Add("S21.G00.30.014", person.Nir.Value.Substring(5, 2) is var department && department != "99" ? department : null);
            Add("S21.G00.30.019", person.Matricule);
            foreach (var contract in person.Contracts)
            {
                WriteContract(contract, s.Employer, Add);
            }
        }

        var count = lines.Count + 2;
        Add("S90.G00.90.001", count.ToString(CultureInfo.InvariantCulture));
        Add("S90.G00.90.002", "1");
        return Latin1.GetBytes(string.Concat(lines.Select(l => l + "\r\n")));
    }

    private static void WriteContract(DsnContract contract, DsnEmployer employer, Action<string, string?> add)
    {
        var hours = contract.Payslips.Sum(p => p.Hours ?? 0m);
        var cachets = contract.Payslips.Sum(p => p.Cachets ?? 0);
        add("S21.G00.40.001", Date(contract.Start));
        add("S21.G00.40.002", contract.Cadre ? "04" : contract.Kind == EmployeeKind.IntermittentTechnician ? "05" : "06");
        add("S21.G00.40.003", contract.Cadre ? "01" : "04");
        add("S21.G00.40.006", contract.Job);
        add("S21.G00.40.007", "02");
        add("S21.G00.40.009", contract.Number);
        add("S21.G00.40.010", Date(contract.End));
        // Artists paid by the cachet work "à la vacation"; everyone else by the hour.
        add("S21.G00.40.011", cachets > 0 ? "32" : "10");
        add("S21.G00.40.012", cachets > 0 ? null : Amount(employer.ReferenceMonthlyHours));
        add("S21.G00.40.013", cachets > 0 ? cachets.ToString(CultureInfo.InvariantCulture) : Amount(hours));
        add("S21.G00.40.014", cachets > 0 ? "99" : hours >= employer.ReferenceMonthlyHours ? "10" : "20");
        add("S21.G00.40.017", employer.CollectiveAgreement);
        add("S21.G00.40.018", "200");
        add("S21.G00.40.019", employer.Siret);
        add("S21.G00.40.020", "200");
        foreach (var payslip in contract.Payslips)
        {
            WritePayslip(contract, payslip, add);
        }
    }

    private static void WritePayslip(DsnContract contract, DsnPayslip payslip, Action<string, string?> add)
    {
        var result = payslip.Result;
        add("S21.G00.50.001", Date(payslip.PaidOn));
        add("S21.G00.50.002", Amount(payslip.NetTaxable.Amount));
        add("S21.G00.50.003", payslip.Number);
        add("S21.G00.50.004", Amount(payslip.NetPaid.Amount));
        add("S21.G00.50.006", Amount(payslip.TaxRate * 100));
        add("S21.G00.50.007", "13");
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
        Pay("010", result.Gross, payslip.Hours);

        foreach (var (baseCode, amount, contributions) in Bases(result))
        {
            add("S21.G00.78.001", baseCode);
            add("S21.G00.78.002", Date(payslip.From));
            add("S21.G00.78.003", Date(payslip.To));
            add("S21.G00.78.004", Amount(amount));
            add("S21.G00.78.006", contract.Number);
            foreach (var contribution in contributions)
            {
                add("S21.G00.81.001", contribution.Code);
                add("S21.G00.81.003", Amount(contribution.Base));
                add("S21.G00.81.004", Amount(contribution.Amount));
            }
        }

        if (payslip.To == contract.End)
        {
            add("S21.G00.62.001", Date(contract.End));
            add("S21.G00.62.002", "031");
        }
    }

    /// <summary>The bases of a payslip with their contributions (employee and employer shares together), in the file's order.</summary>
    public static IReadOnlyList<DsnBase> Bases(PayrollResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var declared = result.Lines.Where(l => Contributions.ContainsKey(l.Code))
            .Select(l => (Contributions[l.Code].Base, new DsnContribution(Contributions[l.Code].Code, l.Base, l.EmployeeAmount + l.EmployerAmount)))
            .Concat(result.Reductions.Where(r => r.Amount != 0).Select(r => (Base: GrossBase, new DsnContribution(Reductions[r.Code], result.SocialBase, -r.Amount))))
            .ToList();
        return BaseOrder.Select(code => (Code: code, Lines: declared.Where(d => d.Base == code).Select(d => d.Item2).ToList()))
            .Where(b => b.Lines.Count > 0)
            .Select(b => new DsnBase(b.Code, b.Code == GrossBase ? result.SocialBase : b.Lines.Max(l => l.Base),
                b.Lines.GroupBy(l => l.Code).Select(g => new DsnContribution(g.Key, g.Max(l => l.Base), g.Sum(l => l.Amount))).ToList()))
            .ToList();
    }

    private static string Date(DateOnly day) => day.ToString("ddMMyyyy", CultureInfo.InvariantCulture);

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A value sits on one line between quotes: no line break, nothing Latin-1 cannot carry.</summary>
    private static string Clean(string value)
    {
        var flat = value.Replace('\r', ' ').Replace('\n', ' ').Trim();
        return new string(flat.Select(c => c <= '\u00FF' ? c : '?').ToArray());
    }
}
