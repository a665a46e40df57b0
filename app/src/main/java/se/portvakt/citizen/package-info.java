/**
 * The citizen's own side of Portvakt: "my meetings" after an e-legitimation, confirming identity inside a
 * meeting, and the help page. A citizen's login lives in its own session attribute, never in Spring Security's
 * context, so it grants nothing on the staff portal and a staff login grants nothing here.
 */
package se.portvakt.citizen;
