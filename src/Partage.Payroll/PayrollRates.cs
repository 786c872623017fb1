namespace Partage.Payroll;

/// <summary>
/// The parameters in force on one date, read once from the catalog into plain fields, so that
/// computing a payslip looks nothing up. Names follow the catalog's codes.
/// </summary>
public sealed class PayrollRates
{
    // Long method: one read per parameter, a table in the catalog's order; splitting it would only scatter the table.
    internal PayrollRates(ParameterCatalog catalog, DateOnly on)
    {
        On = on;
        decimal Get(string code) => catalog.ValueOn(code, on)
            ?? throw new InvalidOperationException($"Aucune valeur du paramètre de paie « {code} » n'est en vigueur le {on:dd/MM/yyyy}.");
        decimal? Optional(string code) => catalog.ValueOn(code, on);

        SmicHourly = Get("smic_horaire");
        MonthlyHours = Get("heures_mensuelles");
        LegalMonthlyHours = Get("duree_legale_hebdomadaire") * 52 / 12;
        Pmss = Get("pmss");
        UnemploymentCeilings = Get("plafond_chomage_pss");
        Tranche2Ceilings = Get("plafond_tranche_2_pss");
        ApecCeilings = Get("plafond_apec_pss");
        CsgAbatementCeilings = Get("plafond_csg_abattement_pss");
        DailyCeiling = Get("plafond_journalier");
        HourlyCeiling = Get("plafond_horaire");
        Maladie = Get("maladie_employeur");
        MaladieAlsaceMoselle = Get("maladie_salarie_alsace_moselle");
        VieillessePlafonneeEmployer = Get("vieillesse_plafonnee_employeur");
        VieillessePlafonneeEmployee = Get("vieillesse_plafonnee_salarie");
        VieillesseDeplafonneeEmployer = Get("vieillesse_deplafonnee_employeur");
        VieillesseDeplafonneeEmployee = Get("vieillesse_deplafonnee_salarie");
        AllocationsFamiliales = Get("allocations_familiales_employeur");
        Csa = Get("csa_employeur");
        FnalSmall = Get("fnal_moins_50");
        FnalLarge = Get("fnal_50_et_plus");
        DialogueSocial = Get("dialogue_social_employeur");
        Chomage = Get("chomage_employeur");
        Ags = Get("ags_employeur");
        RetraiteT1Employer = Get("retraite_t1_employeur");
        RetraiteT1Employee = Get("retraite_t1_salarie");
        RetraiteT2Employer = Get("retraite_t2_employeur");
        RetraiteT2Employee = Get("retraite_t2_salarie");
        CegT1Employer = Get("ceg_t1_employeur");
        CegT1Employee = Get("ceg_t1_salarie");
        CegT2Employer = Get("ceg_t2_employeur");
        CegT2Employee = Get("ceg_t2_salarie");
        CetEmployer = Get("cet_employeur");
        CetEmployee = Get("cet_salarie");
        ApecEmployer = Get("apec_employeur");
        ApecEmployee = Get("apec_salarie");
        PrevoyanceCadre = Get("prevoyance_cadre_employeur");
        CsgDeductible = Get("csg_deductible");
        CsgNonDeductible = Get("csg_non_deductible");
        Crds = Get("crds");
        CsgAbatement = Get("csg_abattement");
        FormationSmall = Get("formation_moins_11");
        FormationLarge = Get("formation_11_et_plus");
        CpfCdd = Get("cpf_cdd");
        TaxeApprentissage = Get("taxe_apprentissage");
        TaxeApprentissageSolde = Get("taxe_apprentissage_solde");
        TaxeApprentissageAlsaceMoselle = Get("taxe_apprentissage_alsace_moselle");
        TaxeApprentissageSupplementary = Get("taxe_apprentissage_supplementaire");
        Threshold250 = (int)Get("seuil_250");
        Peec = Get("peec");
        ForfaitSocialPrevoyance = Get("forfait_social_prevoyance");
        Threshold11 = (int)Get("seuil_11");
        Threshold50 = (int)Get("seuil_50");
        GeneralReductionTmaxSmall = Optional("reduction_generale_tmax_moins_50");
        GeneralReductionTmaxLarge = Optional("reduction_generale_tmax_50_et_plus");
        GeneralReductionSmicMultiple = Get("reduction_generale_smic");
        BandeauMaladieRate = Optional("bandeau_maladie_taux");
        BandeauMaladieSmicMultiple = Optional("bandeau_maladie_smic");
        BandeauFamilleRate = Optional("bandeau_famille_taux");
        BandeauFamilleSmicMultiple = Optional("bandeau_famille_smic");
        RgduTmin = Optional("rgdu_tmin");
        RgduTdeltaSmall = Optional("rgdu_tdelta_moins_50");
        RgduTdeltaLarge = Optional("rgdu_tdelta_50_et_plus");
        RgduPower = Optional("rgdu_puissance");
        RgduSmicMultiple = Optional("rgdu_smic");
        RgduMutualisedAtRate = Optional("rgdu_at_mutualise");
        GeneralReductionRetirementRate = Get("reduction_generale_t_retraite");
        HolidayFundFactor = Optional("caisse_conges_majoration") ?? 1m;
        ArtistRateFactor = Get("artiste_taux_reduit");
        ArtistCeilingHoursPerDay = Get("artiste_plafond_heures_par_jour");
        ChomageIntermittentsEmployer = Get("chomage_intermittents_employeur");
        ChomageIntermittentsEmployee = Get("chomage_intermittents_salarie");
        Afdas = Get("afdas");
        DfsDramatic = Get("dfs_artiste_dramatique");
        DfsMusician = Get("dfs_musicien");
        DfsYearlyCap = Get("dfs_plafond_annuel");
        CongesSpectacles = Get("conges_spectacles");
        RetraiteT1TechnicianEmployer = Get("retraite_t1_technicien_employeur");
        RetraiteT1TechnicianEmployee = Get("retraite_t1_technicien_salarie");
        RetraiteT1ArtistEmployer = Get("retraite_t1_artiste_employeur");
        RetraiteT1ArtistEmployee = Get("retraite_t1_artiste_salarie");
        RetraiteT2IntermittentEmployer = Get("retraite_t2_intermittent_employeur");
        RetraiteT2IntermittentEmployee = Get("retraite_t2_intermittent_salarie");
        RgduForArtists = Get("rgdu_artistes") != 0;
        TechnicianCeilingMethod = (int)Get("plafond_techniciens_methode");
        ShortCdduSurcharge = Get("majoration_cddu_courts");
        Cmb = Get("cmb");
        EndOfContractRate = Get("indemnite_fin_contrat");
        PaidLeaveRate = Get("indemnite_conges_payes");
        PrevoyanceIntermittents = Get("prevoyance_intermittents");
        Fnas1285 = Get("fnas_1285");
        Fcap1285 = Get("fcap_1285");
        Fcap3090 = Get("fcap_3090");
        var thresholds = Enumerable.Range(1, 19).Select(n => Optional($"pas_neutre_seuil_{n:D2}")).ToArray();
        var grid = Enumerable.Range(0, 20).Select(n => Optional($"pas_neutre_taux_{n:D2}")).ToArray();
        (NeutralGridThresholds, NeutralGridRates) = thresholds.All(t => t is not null) && grid.All(r => r is not null)
            ? (thresholds.Select(t => t!.Value).ToArray(), grid.Select(r => r!.Value).ToArray())
            : ([], []);
        ShortContractAbatement = Get("pas_abattement_contrats_courts");
    }

    public DateOnly On { get; }

    public decimal SmicHourly { get; }

    /// <summary>The conventional monthly hours of a full-time employee as payslips write them (151.67).</summary>
    public decimal MonthlyHours { get; }

    /// <summary>The same, exactly: 35 × 52 / 12 hours, on which the monthly SMIC is computed.</summary>
    public decimal LegalMonthlyHours { get; }

    public decimal Pmss { get; }

    /// <summary>How many ceilings the chômage and AGS base goes up to (4).</summary>
    public decimal UnemploymentCeilings { get; }

    /// <summary>How many ceilings tranche 2 of Agirc-Arrco, CEG T2 and CET go up to (8).</summary>
    public decimal Tranche2Ceilings { get; }

    /// <summary>How many ceilings the APEC base goes up to (4).</summary>
    public decimal ApecCeilings { get; }

    /// <summary>How many ceilings the 1.75 % CSG abatement applies up to (4).</summary>
    public decimal CsgAbatementCeilings { get; }

    public decimal DailyCeiling { get; }

    public decimal HourlyCeiling { get; }

    public decimal Maladie { get; }

    public decimal MaladieAlsaceMoselle { get; }

    public decimal VieillessePlafonneeEmployer { get; }

    public decimal VieillessePlafonneeEmployee { get; }

    public decimal VieillesseDeplafonneeEmployer { get; }

    public decimal VieillesseDeplafonneeEmployee { get; }

    public decimal AllocationsFamiliales { get; }

    public decimal Csa { get; }

    public decimal FnalSmall { get; }

    public decimal FnalLarge { get; }

    public decimal DialogueSocial { get; }

    public decimal Chomage { get; }

    public decimal Ags { get; }

    public decimal RetraiteT1Employer { get; }

    public decimal RetraiteT1Employee { get; }

    public decimal RetraiteT2Employer { get; }

    public decimal RetraiteT2Employee { get; }

    public decimal CegT1Employer { get; }

    public decimal CegT1Employee { get; }

    public decimal CegT2Employer { get; }

    public decimal CegT2Employee { get; }

    public decimal CetEmployer { get; }

    public decimal CetEmployee { get; }

    public decimal ApecEmployer { get; }

    public decimal ApecEmployee { get; }

    public decimal PrevoyanceCadre { get; }

    public decimal CsgDeductible { get; }

    public decimal CsgNonDeductible { get; }

    public decimal Crds { get; }

    public decimal CsgAbatement { get; }

    public decimal FormationSmall { get; }

    public decimal FormationLarge { get; }

    public decimal CpfCdd { get; }

    public decimal TaxeApprentissage { get; }

    /// <summary>The part of <see cref="TaxeApprentissage"/> paid as a yearly balance (none in Alsace-Moselle).</summary>
    public decimal TaxeApprentissageSolde { get; }

    public decimal TaxeApprentissageAlsaceMoselle { get; }

    public decimal TaxeApprentissageSupplementary { get; }

    public int Threshold250 { get; }

    public decimal Peec { get; }

    public decimal ForfaitSocialPrevoyance { get; }

    public int Threshold11 { get; }

    public int Threshold50 { get; }

    public decimal? GeneralReductionTmaxSmall { get; }

    public decimal? GeneralReductionTmaxLarge { get; }

    public decimal GeneralReductionSmicMultiple { get; }

    public decimal? BandeauMaladieRate { get; }

    public decimal? BandeauMaladieSmicMultiple { get; }

    public decimal? BandeauFamilleRate { get; }

    public decimal? BandeauFamilleSmicMultiple { get; }

    public decimal? RgduTmin { get; }

    public decimal? RgduTdeltaSmall { get; }

    public decimal? RgduTdeltaLarge { get; }

    public decimal? RgduPower { get; }

    public decimal? RgduSmicMultiple { get; }

    public decimal? RgduMutualisedAtRate { get; }

    /// <summary>The complementary-pension share of the coefficient T: the part of the general reduction set against the Agirc-Arrco contributions is the reduction × this rate / T.</summary>
    public decimal GeneralReductionRetirementRate { get; }

    public decimal HolidayFundFactor { get; }

    public decimal ArtistRateFactor { get; }

    public decimal ArtistCeilingHoursPerDay { get; }

    public decimal ChomageIntermittentsEmployer { get; }

    public decimal ChomageIntermittentsEmployee { get; }

    public decimal Afdas { get; }

    public decimal DfsDramatic { get; }

    public decimal DfsMusician { get; }

    /// <summary>The most the DFS may deduct in a calendar year for one employee (euros).</summary>
    public decimal DfsYearlyCap { get; }

    public decimal CongesSpectacles { get; }

    public decimal RetraiteT1TechnicianEmployer { get; }

    public decimal RetraiteT1TechnicianEmployee { get; }

    public decimal RetraiteT1ArtistEmployer { get; }

    public decimal RetraiteT1ArtistEmployee { get; }

    public decimal RetraiteT2IntermittentEmployer { get; }

    public decimal RetraiteT2IntermittentEmployee { get; }

    public bool RgduForArtists { get; }

    public int TechnicianCeilingMethod { get; }

    public decimal ShortCdduSurcharge { get; }

    public decimal Cmb { get; }

    /// <summary>A CDD's end-of-contract indemnity, of its total gross pay (L1243-8).</summary>
    public decimal EndOfContractRate { get; }

    /// <summary>A CDD's paid-leave indemnity, of its total gross pay indemnity included (L3141-24, L1242-16).</summary>
    public decimal PaidLeaveRate { get; }

    public decimal PrevoyanceIntermittents { get; }

    public decimal Fnas1285 { get; }

    public decimal Fcap1285 { get; }

    public decimal Fcap3090 { get; }

    /// <summary>The lower limits of the default-rate brackets (monthly net taxable), ascending; the first bracket starts at 0. Empty when no grid is in force (before May 2025 here).</summary>
    public IReadOnlyList<decimal> NeutralGridThresholds { get; }

    public IReadOnlyList<decimal> NeutralGridRates { get; }

    /// <summary>The share of a monthly SMIC taken off the base of a short CDD's default rate.</summary>
    public decimal ShortContractAbatement { get; }
}
