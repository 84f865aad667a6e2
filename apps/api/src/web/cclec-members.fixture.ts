/** The council's 39 member administrations (shared/domain/cclec-facts.md), as the demonstration registers them. */
export const CCLEC_MEMBERS_FOR_SPEC = 'AIA ATG ABW BHS BRB BLZ BMU VGB CAN CYM COL CRI CUB CUW DMA DOM FRA GRD GTM GUY HTI HND JAM MEX MSR NLD NIC PAN KNA LCA VCT SXM ESP SUR TTO TCA GBR USA VEN'.split(' ');
