namespace Partage.Payroll;

/// <summary>
/// The French payslip, pure: a checked request and the period's resolved parameters in, every
/// contribution line out, each share rounded to the cent half away from zero. Order and rules:
/// ../docs/payroll.md (after parameters-2026.md §4). Nothing here reads a clock, a file or a database.
/// </summary>
public static class PayslipEngine
{
    /// <summary>Checks, resolves the period's parameters and computes: the entry point of the CLI and the API.</summary>
    public static PayrollResult Compute(PayrollRequest request, ParameterCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var input = PayrollJson.Check(request);
        return Compute(input, catalog.Resolve(input.ParametersDate)) with { Id = request.Id };
    }

    public static PayrollResult Compute(PayslipInput input, PayrollRates rates)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(rates);
        var p = new Payslip(input, rates);
        return p.Compute();
    }

    private static decimal Cents(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);

    private static decimal Rate(decimal value) => decimal.Round(value, 4, MidpointRounding.AwayFromZero);

    /// <summary>One computation's working state.</summary>
    private sealed class Payslip(PayslipInput input, PayrollRates r)
    {
        private readonly List<PayslipLine> lines = new(32);
        private decimal employee;
        private decimal employer;

        private bool Artist => input.Kind == EmployeeKind.IntermittentArtist;

        private bool Intermittent => input.Kind != EmployeeKind.RegimeGeneral;

        // Long method: the payslip in one pass, in the order of its lines and of docs/payroll.md; the bases (social base, T1, T2, ceiling) flow from one block to the next, as on the bulletin.
        public PayrollResult Compute()
        {
            var (endOfContract, paidLeave) = EndOfContractIndemnities();
            var gross = input.Gross + endOfContract + paidLeave;
            var (from, to) = (input.Start > input.PeriodStart ? input.Start : input.PeriodStart, input.End < input.PeriodEnd ? input.End : input.PeriodEnd);
            var calendarDays = to.DayNumber - from.DayNumber + 1;
            var fullMonth = from == input.PeriodStart && to == input.PeriodEnd;
            var daysWorked = input.Days ?? (input.Cachets is { } c && Artist ? Math.Min(c, calendarDays) : calendarDays);
            var hours = input.Hours ?? (fullMonth ? r.MonthlyHours : Cents(r.MonthlyHours * Math.Min(calendarDays, 30) / 30m));

            // 151.67 h is how a full-time month is written; its SMIC is the official monthly one, on 35 × 52 / 12 h.
            var smic = r.SmicHourly * (hours == r.MonthlyHours ? r.LegalMonthlyHours : hours);

            var socialBase = SocialBase(gross, smic);
            var ceiling = Ceiling(fullMonth, calendarDays, daysWorked, hours);
            var t1 = Math.Min(socialBase, ceiling);
            var t2 = Math.Min(Math.Max(socialBase - ceiling, 0), (r.Tranche2Ceilings - 1) * ceiling);
            var reduced = Artist ? r.ArtistRateFactor : 1m;
            decimal Reduced(decimal rate) => Artist ? Rate(rate * reduced) : rate;
            var small = input.Headcount < r.Threshold50;

            // Maladie, vieillesse, AF and CSA: what the general reduction may be set against (with AT/MP, FNAL, chômage, Agirc-Arrco T1, CEG T1 below).
            var offsettable = Add(PayslipLabels.Maladie, socialBase, input.AlsaceMoselle ? Reduced(r.MaladieAlsaceMoselle) : 0, Reduced(r.Maladie));
            offsettable += Add(PayslipLabels.VieillessePlafonnee, t1, Reduced(r.VieillessePlafonneeEmployee), Reduced(r.VieillessePlafonneeEmployer));
            offsettable += Add(PayslipLabels.VieillesseDeplafonnee, socialBase, Reduced(r.VieillesseDeplafonneeEmployee), Reduced(r.VieillesseDeplafonneeEmployer));
            offsettable += Add(PayslipLabels.AllocationsFamiliales, socialBase, 0, Reduced(r.AllocationsFamiliales));
            var at = Add(PayslipLabels.AccidentTravail, socialBase, 0, Reduced(input.AtMpRate));
            offsettable += Add(PayslipLabels.Csa, socialBase, 0, r.Csa);
            var fnal = small ? Add(PayslipLabels.Fnal, t1, 0, Reduced(r.FnalSmall)) : Add(PayslipLabels.Fnal, socialBase, 0, Reduced(r.FnalLarge));
            Add(PayslipLabels.DialogueSocial, socialBase, 0, r.DialogueSocial);

            // Unemployment insurance, AGS and the holiday fund are due on the pay before the DFS.
            var unemploymentBase = Math.Min(gross, r.UnemploymentCeilings * ceiling);
            var shortCddu = input.ContractType == ContractType.Cddu && input.End < input.Start.AddMonths(3);
            var chomage = Add(PayslipLabels.Chomage, unemploymentBase, 0, r.Chomage + (shortCddu ? r.ShortCdduSurcharge : 0));
            if (Intermittent)
            {
                Add(PayslipLabels.ChomageIntermittents, unemploymentBase, r.ChomageIntermittentsEmployee, r.ChomageIntermittentsEmployer);
            }

            Add(PayslipLabels.Ags, unemploymentBase, 0, r.Ags);

            var (t1Employee, t1Employer) = input.Kind switch
            {
                EmployeeKind.IntermittentArtist when !input.Cadre => (r.RetraiteT1ArtistEmployee, r.RetraiteT1ArtistEmployer),
                EmployeeKind.RegimeGeneral => (r.RetraiteT1Employee, r.RetraiteT1Employer),
                _ => (r.RetraiteT1TechnicianEmployee, r.RetraiteT1TechnicianEmployer),
            };
            var retirementT1 = Add(PayslipLabels.RetraiteComplementaireT1, t1, t1Employee, t1Employer);
            var cegT1 = Add(PayslipLabels.CegT1, t1, r.CegT1Employee, r.CegT1Employer);
            if (t2 > 0)
            {
                Add(PayslipLabels.RetraiteComplementaireT2, t2, Intermittent ? r.RetraiteT2IntermittentEmployee : r.RetraiteT2Employee, Intermittent ? r.RetraiteT2IntermittentEmployer : r.RetraiteT2Employer);
                Add(PayslipLabels.CegT2, t2, r.CegT2Employee, r.CegT2Employer);
            }

            if (socialBase > ceiling)
            {
                Add(PayslipLabels.Cet, Math.Min(socialBase, r.Tranche2Ceilings * ceiling), r.CetEmployee, r.CetEmployer);
            }

            decimal prevoyance = 0;
            if (input.Cadre)
            {
                Add(PayslipLabels.Apec, Math.Min(socialBase, r.ApecCeilings * ceiling), r.ApecEmployee, r.ApecEmployer);
                if (!Intermittent)
                {
                    prevoyance = Add(PayslipLabels.PrevoyanceCadre, t1, 0, r.PrevoyanceCadre);
                }
            }

            if (Intermittent)
            {
                prevoyance = Add(PayslipLabels.PrevoyanceIntermittents, t1, 0, r.PrevoyanceIntermittents);
            }

            // CSG/CRDS: 98.25 % of the pay before DFS up to 4 ceilings (the catalog's multiple), all of it above, plus the employer's
            // prévoyance, the intermittents' included (CSS art. L136-1-1; parameters-2026.md §4 c).
            var csgBase = Cents((1 - r.CsgAbatement) * Math.Min(gross, r.CsgAbatementCeilings * ceiling) + Math.Max(gross - (r.CsgAbatementCeilings * ceiling), 0) + prevoyance);
            Add(PayslipLabels.CsgDeductible, csgBase, r.CsgDeductible, 0);
            var csgNonDeductible = Add(PayslipLabels.CsgNonDeductible, csgBase, r.CsgNonDeductible, 0, employeeSide: true);
            var crds = Add(PayslipLabels.Crds, csgBase, r.Crds, 0, employeeSide: true);

            if (Intermittent)
            {
                Add(PayslipLabels.Afdas, socialBase, 0, r.Afdas);
            }
            else
            {
                Add(PayslipLabels.FormationProfessionnelle, socialBase, 0, input.Headcount < r.Threshold11 ? r.FormationSmall : r.FormationLarge);
                if (input.ContractType == ContractType.Cdd)
                {
                    Add(PayslipLabels.CpfCdd, socialBase, 0, r.CpfCdd);
                }
            }

            // The tax in its two parts (C. trav. L6241-2): the main one (0.59 %) paid each month, the balance (0.09 %, none in
            // Alsace-Moselle) owed on the same base but paid once, in May of the next year; from 250 employees the supplementary
            // contribution, on the same base too. Each its own line, since each is declared on its own (docs/payroll.md).
            Add(PayslipLabels.TaxeApprentissage, socialBase, 0, input.AlsaceMoselle ? r.TaxeApprentissageAlsaceMoselle : r.TaxeApprentissage - r.TaxeApprentissageSolde);
            if (!input.AlsaceMoselle)
            {
                Add(PayslipLabels.TaxeApprentissageSolde, socialBase, 0, r.TaxeApprentissageSolde);
            }

            if (input.Headcount >= r.Threshold250)
            {
                Add(PayslipLabels.TaxeApprentissageSupplementaire, socialBase, 0, r.TaxeApprentissageSupplementary);
            }
            if (input.Headcount >= r.Threshold11 && input.MobilityRate > 0)
            {
                Add(PayslipLabels.VersementMobilite, socialBase, 0, Reduced(input.MobilityRate));
            }

            if (!small)
            {
                Add(PayslipLabels.Peec, socialBase, 0, r.Peec);
            }

            if (prevoyance > 0 && input.Headcount >= r.Threshold11)
            {
                Add(PayslipLabels.ForfaitSocial, prevoyance, 0, r.ForfaitSocialPrevoyance);
            }

            if (Intermittent && input.CongesSpectacles)
            {
                Add(PayslipLabels.CongesSpectacles, gross, 0, r.CongesSpectacles);
            }

            if (Intermittent)
            {
                Add(PayslipLabels.Cmb, socialBase, 0, r.Cmb);
            }

            switch (input.CollectiveAgreement)
            {
                case "1285":
                    Add(PayslipLabels.Fnas, gross, 0, r.Fnas1285);
                    Add(PayslipLabels.Fcap, gross, 0, r.Fcap1285);
                    break;
                case "3090":
                    Add(PayslipLabels.Fcap, Math.Min(gross, ceiling), 0, r.Fcap3090);
                    break;
            }

            // The general reduction is set against those contributions only (AT/MP within the mutualised part).
            offsettable += (r.RgduMutualisedAtRate is { } mutualised ? Math.Min(at, Cents(socialBase * mutualised)) : at) + fnal + chomage + retirementT1 + cegT1;
            var reductions = Reductions(socialBase, smic, small, offsettable)
                .Select(reduction => RetirementShare(reduction, small, t1Employer + r.CegT1Employer, retirementT1 + cegT1)).ToList();

            var totalReductions = 0m;
            foreach (var reduction in reductions)
            {
                totalReductions += reduction.Amount;
            }

            // Net taxable: the net plus the CSG and CRDS that are not deductible. The employer's prévoyance modelled here covers
            // death, incapacity and disability, not health costs, so it is not taxable (CGI art. 83 1° quater; BOI-RSA-BASE-30-10-20):
            // OpenFisca and modele-social add it, the law does not (../shared/payroll/README.md).
            var net = gross - employee;
            return new PayrollResult(input.Period, gross, socialBase, ceiling, lines, reductions, employee, employer, totalReductions,
                net, net, net + csgNonDeductible + crds, gross + employer - totalReductions)
            {
                Smic = Cents(smic), EndOfContractIndemnity = endOfContract, PaidLeaveIndemnity = paidLeave,
            };
        }

        /// <summary>
        /// On a régime général CDD's last payslip, the two indemnities the law adds to the pay, subject to contributions like it:
        /// 10 % of the contract's gross for its precariousness (L1243-8, unless exempted by L1243-10), then the tenth of the
        /// whole pay, that indemnity included, for the paid leave not taken (L1242-16, L3141-24). A CDD d'usage (intermittents)
        /// has neither: the Congés Spectacles fund pays their leave.
        /// </summary>
        private (decimal EndOfContract, decimal PaidLeave) EndOfContractIndemnities()
        {
            if (input.EndOfContract?.ContractGross is not { } contractGross || input.Kind != EmployeeKind.RegimeGeneral || input.ContractType != ContractType.Cdd)
            {
                return (0, 0);
            }

            var endOfContract = input.EndOfContract.PrecarityExemption is null ? Cents(contractGross * r.EndOfContractRate) : 0;
            return (endOfContract, Cents((contractGross + endOfContract) * r.PaidLeaveRate));
        }

        /// <summary>
        /// The pay subject to social contributions: the gross less the artist's DFS, within what is
        /// left of its yearly cap, never below the SMIC for the hours worked.
        /// </summary>
        private decimal SocialBase(decimal gross, decimal smic)
        {
            if (input.Dfs is null)
            {
                return gross;
            }

            var rate = input.Dfs == "dramatic" ? r.DfsDramatic : r.DfsMusician;
            var deduction = Math.Min(Cents(gross * rate), Math.Max(r.DfsYearlyCap - input.DfsUsedThisYear, 0));
            var afterDfs = gross - deduction;
            var floor = input.Hours is null ? 0 : Math.Min(Cents(smic), gross);
            return Math.Max(afterDfs, floor);
        }

        /// <summary>
        /// The social-security ceiling of the period: the monthly ceiling, in thirtieths for a part
        /// month; for an artist engaged under 5 days, 12 hourly ceilings per day worked; for a
        /// technician, the method payroll staff set (daily ceiling × days by default).
        /// </summary>
        private decimal Ceiling(bool fullMonth, int calendarDays, decimal daysWorked, decimal hours)
        {
            var prorated = fullMonth ? r.Pmss : Cents(r.Pmss * Math.Min(calendarDays, 30) / 30m);
            var engagementDays = input.End.DayNumber - input.Start.DayNumber + 1;
            return input.Kind switch
            {
                EmployeeKind.IntermittentArtist when engagementDays < 5 => r.ArtistCeilingHoursPerDay * r.HourlyCeiling * daysWorked,
                EmployeeKind.IntermittentTechnician => r.TechnicianCeilingMethod switch
                {
                    1 => Math.Min(r.DailyCeiling * daysWorked, r.Pmss),
                    3 => Math.Min(Cents(r.Pmss * hours / r.MonthlyHours), r.Pmss),
                    _ => prorated,
                },
                _ => prorated,
            };
        }

        /// <summary>
        /// The general reduction is set against URSSAF's contributions and the pension fund's in proportion of their share of
        /// the coefficient T: the Agirc-Arrco part is the reduction × the employer's T1 pension rates (at most the 6.01 % T
        /// counts) / T, within those contributions (CSS L241-13 and D241-7; Agirc-Arrco, DSN code 106).
        /// </summary>
        private PayslipReduction RetirementShare(PayslipReduction reduction, bool small, decimal retirementRate, decimal retirementContributions)
        {
            var t = reduction.Code switch
            {
                "rgdu" => r.RgduTmin + (small ? r.RgduTdeltaSmall : r.RgduTdeltaLarge),
                "reduction_generale" => small ? r.GeneralReductionTmaxSmall : r.GeneralReductionTmaxLarge,
                _ => null,
            };
            if (t is not { } total || total <= 0 || reduction.Amount <= 0)
            {
                return reduction;
            }

            var share = Cents(reduction.Amount * Math.Min(retirementRate, r.GeneralReductionRetirementRate) / total);
            return reduction with { RetirementShare = Math.Min(share, Math.Min(retirementContributions, reduction.Amount)) };
        }

        private List<PayslipReduction> Reductions(decimal pay, decimal smic, bool small, decimal offsettable)
        {
            var reductions = new List<PayslipReduction>(3);
            if (pay <= 0 || (Artist && !r.RgduForArtists))
            {
                return reductions;
            }

            var factor = Intermittent && input.CongesSpectacles ? r.HolidayFundFactor : 1m;
            if (r.RgduTmin is { } tmin && (small ? r.RgduTdeltaSmall : r.RgduTdeltaLarge) is { } tdelta && r.RgduPower is { } power && r.RgduSmicMultiple is { } multiple)
            {
                var coefficient = 0m;
                if (pay < multiple * smic)
                {
                    // ½ (3 SMIC / pay − 1) in the décret: the half is 1 / (3 − 1), so that the ratio runs from 1 at the SMIC to 0 at the multiple.
                    var ratio = (double)(((multiple * smic / pay) - 1) / (multiple - 1));
                    var raw = Math.Min(tmin + (tdelta * (decimal)Math.Pow(ratio, (double)power)), tmin + tdelta);
                    coefficient = Rate(raw * factor);
                }

                reductions.Add(new PayslipReduction("rgdu", coefficient, Math.Min(Cents(coefficient * pay), offsettable)));
                return reductions;
            }

            if ((small ? r.GeneralReductionTmaxSmall : r.GeneralReductionTmaxLarge) is { } tmax)
            {
                // T / 0.6 × (1.6 SMIC / pay − 1) in CSS art. D241-7: the 0.6 is the multiple less one.
                var limit = r.GeneralReductionSmicMultiple * smic;
                var coefficient = pay < limit ? Rate(Math.Min(tmax / (r.GeneralReductionSmicMultiple - 1) * ((limit / pay) - 1), tmax) * factor) : 0m;
                reductions.Add(new PayslipReduction("reduction_generale", coefficient, Math.Min(Cents(coefficient * pay), offsettable)));
            }

            if (r.BandeauMaladieRate is { } maladie && r.BandeauMaladieSmicMultiple is { } maladieLimit && pay <= maladieLimit * smic)
            {
                reductions.Add(new PayslipReduction("bandeau_maladie", maladie, Cents(maladie * pay)));
            }

            if (r.BandeauFamilleRate is { } famille && r.BandeauFamilleSmicMultiple is { } familleLimit && pay <= familleLimit * smic)
            {
                reductions.Add(new PayslipReduction("bandeau_famille", famille, Cents(famille * pay)));
            }

            return reductions;
        }

        /// <summary>Adds a line; returns its employer amount, or its employee amount when <paramref name="employeeSide"/>.</summary>
        private decimal Add(LineKind kind, decimal @base, decimal employeeRate, decimal employerRate, bool employeeSide = false)
        {
            var employeeAmount = Cents(@base * employeeRate);
            var employerAmount = Cents(@base * employerRate);
            lines.Add(new PayslipLine(kind.Code, kind.Label, kind.Section, Cents(@base), employeeRate, employeeAmount, employerRate, employerAmount));
            employee += employeeAmount;
            employer += employerAmount;
            return employeeSide ? employeeAmount : employerAmount;
        }
    }
}
