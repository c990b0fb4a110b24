package io.financehub.platform.routecheck;

import java.util.List;

/** One family of problems the route validator looks for in a directory of route files. */
interface RouteCheck {

    /** The findings in the directory's readable files, in file order; none when it is clean. */
    List<Finding> check(RouteDirectory routes);
}
